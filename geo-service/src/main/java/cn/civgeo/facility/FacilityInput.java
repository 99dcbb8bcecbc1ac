package cn.civgeo.facility;

import java.time.LocalDate;

/**
 * A facility to create or the new state of one to update (PUT replaces every field; {@code version} is the one you
 * read). lon/lat are in {@code crs} (EPSG:4490 by default; EPSG:4326, GCJ02, BD09 and Gauss–Krüger codes accepted).
 * divisionCode is derived from the location when absent.
 */
public record FacilityInput(String kind, String name, String address, String divisionCode, Double lon, Double lat,
                            String crs, String operatorKind, String operatorName, Integer beds, Integer nursingBeds,
                            Double floorAreaM2, Double landAreaM2, Integer capacity, String status, LocalDate openedOn,
                            LocalDate closedOn, Integer version, FacilityAttributes attributes) {

    FacilityInput withLocation(double lon, double lat, String crs) {
        return new FacilityInput(kind, name, address, divisionCode, lon, lat, crs, operatorKind, operatorName, beds, nursingBeds,
                floorAreaM2, landAreaM2, capacity, status, openedOn, closedOn, version, attributes);
    }
}
