package cn.civgeo.placename;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One standard place name as stored. {@code geometry} is GeoJSON (EPSG:4490, lon/lat); {@code formerNames} a JSON
 * array of former names ({@code name, spelling, validFrom, validTo, reason, approvalDoc}).
 */
public record PlaceName(
        long id, String code, String name, String shortName, List<String> aliases, String spelling, String spellingSource,
        String pronunciation, String pinyin, String initials, String categoryCode, String categoryName, String divisionCode,
        List<String> divisionCodes, @JsonRawValue String geometry, Double lengthM, String locationText, String meaning, String history,
        String description, String status, boolean current, LocalDate namingDate, Integer establishedYear, Integer abolishedYear,
        String approvalAuthority, String approvalDoc, LocalDate approvalDate, OffsetDateTime announcedAt, String announcementNo,
        String rejectReason, String numbering, String proposedBy, String reviewedBy, @JsonRawValue String formerNames,
        int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static final String PROPOSED = "proposed";
    public static final String UNDER_REVIEW = "under_review";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String ABOLISHED = "abolished";
}
