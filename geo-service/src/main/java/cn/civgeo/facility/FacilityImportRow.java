package cn.civgeo.facility;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;

/**
 * A row held for review: the validated facility (JSON, no location yet), its address, the geocoder's best guess
 * (lon/lat EPSG:4490, confidence) if any, why it was held, and its status (pending, resolved, discarded).
 */
record FacilityImportRow(long id, long importId, int rowNumber, @JsonRawValue String facility, String address,
                                Double candidateLon, Double candidateLat, Double confidence, String reason, String status,
                                Long facilityId, int version, String resolvedBy, OffsetDateTime resolvedAt) {}
