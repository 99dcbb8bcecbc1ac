package cn.civgeo.boundary;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A boundary marker (界桩). Position in EPSG:4490 ({@code lon}, {@code lat}) and, for survey teams, in the CGCS2000
 * 3-degree Gauss–Krüger zone of its longitude ({@code gk}: x northing, y easting with zone prefix, metres).
 * {@code distanceToLineM} is measured on the ellipsoid; {@code measure} is its position along the line (0–1).
 */
public record BoundaryMarker(long id, long lineId, String lineCode, String number, int seq, String type, String kind,
                             double lon, double lat, GaussKrugerXY gk, Double elevationM, String material,
                             LocalDate installedOn, String status, String lastCondition, LocalDate lastInspectedOn,
                             String note, double distanceToLineM, double measure, int version, OffsetDateTime createdAt,
                             OffsetDateTime updatedAt) {

    /** Survey notation: x = northing, y = easting with the zone prefix. */
    public record GaussKrugerXY(int zone, String epsg, double x, double y) {}

    public static String kindOf(char type) {
        return switch (type) {
            case 'Q' -> "single";
            case 'A', 'B' -> "double";
            default -> "triple";
        };
    }
}
