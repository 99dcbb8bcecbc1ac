package cn.civgeo.facility;

import java.util.Optional;

/** Locates a facility's address for the import (the project's geocoder behind it). */
interface FacilityGeocoder {
    /**
     * The best location of {@code address} in EPSG:4490, or empty when nothing was found. {@code level} is what the
     * location stands for (a doorplate, a place name, or only a division's representative point).
     */
    Optional<Located> locate(String address);

    record Located(double lon, double lat, double confidence, String level, String matched) {}
}
