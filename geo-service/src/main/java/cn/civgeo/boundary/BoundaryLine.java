package cn.civgeo.boundary;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A boundary line between two divisions of the same level. {@code leftCode}/{@code rightCode} are relative to
 * the digitising direction ({@code direction}); {@code lengthKm} is measured on the ellipsoid.
 */
public record BoundaryLine(long id, String code, String name, int level, String leftCode, String leftName,
                           String rightCode, String rightName, Agreement agreement, String source, String direction,
                           double lengthKm, String status, String statusReason, String note, long markerCount,
                           int version, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                           @JsonRawValue String geometry) {

    /** The boundary agreement (界线协议书): number, date signed and the parties. */
    public record Agreement(String number, LocalDate date, List<String> parties) {}

    public static final List<String> STATUSES = List.of("in_force", "needs_resurvey", "superseded");
}
