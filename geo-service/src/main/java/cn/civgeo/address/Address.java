package cn.civgeo.address;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;

/**
 * One standard address (doorplate). {@code doorplate} is the written number ("12号之一", "8A号"); {@code fullText}
 * the whole standard address; {@code lon}/{@code lat} the point in EPSG:4490 (also as GeoJSON in {@code geometry}).
 * {@code distanceM} is set by nearest-address queries. {@code approval}: draft or approved (an approved doorplate
 * changes only through its workflow: reopen, change, approve again; or retire).
 */
public record Address(long id, String code, long roadId, String road, String roadSpelling, int number, String numberSuffix,
                      String doorplate, String building, String unit, String room, String communityCode, String townshipCode,
                      String countyCode, double lon, double lat, @JsonRawValue String geometry, String status, String fullText,
                      String source, Double distanceM, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                      String approval) {
    public static final String DRAFT = "draft";
    public static final String APPROVED = "approved";
}
