package cn.civgeo.facility;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A facility as the API answers it. lon/lat in EPSG:4490 unless the request asked for another crs; areas in m².
 * operatorKind: public 公办, private 民办, public_private 公建民营. status: planned, under_construction, operating,
 * suspended, closed. locationSource: manual, geocoded (import), picked (import review). attributes: the
 * kind-specific ones of {@link FacilityAttributes}.
 */
public record Facility(long id, String kind, String kindLabel, String name, String address, String divisionCode,
                       double lon, double lat, String operatorKind, String operatorName, Integer beds, Integer nursingBeds,
                       Double floorAreaM2, Double landAreaM2, Integer capacity, String status, LocalDate openedOn,
                       LocalDate closedOn, String locationSource, Double geocodeConfidence, int version,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt, FacilityAttributes attributes) {

    Facility at(double[] lonLat) {
        return new Facility(id, kind, kindLabel, name, address, divisionCode, lonLat[0], lonLat[1], operatorKind, operatorName,
                beds, nursingBeds, floorAreaM2, landAreaM2, capacity, status, openedOn, closedOn, locationSource,
                geocodeConfidence, version, createdAt, updatedAt, attributes);
    }
}
