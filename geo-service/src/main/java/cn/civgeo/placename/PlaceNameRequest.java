package cn.civgeo.placename;

import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A proposal, or an update of a record's descriptive fields. {@code spelling} overrides the generated spelling
 * (recorded as manual); {@code divisionCode} defaults to the finest division containing the geometry;
 * {@code geometry} is a GeoJSON Point, LineString or Polygon (or Multi-) in EPSG:4490. {@code version} is
 * required on update.
 */
record PlaceNameRequest(
        String name, String shortName, List<String> aliases, String spelling, String category, String divisionCode,
        JsonNode geometry, String locationText, String meaning, String history, String description, LocalDate namingDate,
        Integer establishedYear, String numbering, Boolean current, Integer version) {}
