package cn.civgeo.boundary.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Records of the joint-inspection API. */
public final class InspectionModels {
    private InspectionModels() {}

    public static final List<String> CONDITIONS = List.of("intact", "damaged", "missing", "displaced");
    public static final List<String> ROUND_STATUSES = List.of("planned", "in_progress", "completed");
    public static final List<String> PROBLEM_STATUSES = List.of("open", "assigned", "fixed", "closed");
    public static final List<String> PROBLEM_CATEGORIES = List.of("marker_damaged", "marker_missing", "marker_displaced",
            "terrain_change", "river_moved", "cross_boundary_construction", "other");

    public record Round(long id, int number, int level, String name, int yearFrom, int yearTo, String status, String note,
                       int lineCount, int inspectedLineCount, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    /** {@code lineIds}, or all active lines of {@code level} within the division {@code within}. */
    public record NewRound(Integer number, Integer level, String name, Integer yearFrom, Integer yearTo, String note,
                           List<Long> lineIds, String within) {}

    public record RoundChange(String status, String note, Integer version) {}

    public record Inspection(long id, long roundId, long lineId, String lineCode, String lineName, LocalDate inspectedOn,
                             String partyLeft, String partyRight, List<String> team, String note, int version,
                             List<MarkerRecord> markers, List<StretchRecord> stretches) {}

    /** {@code accuracyM}: the surveyed position's accuracy in metres (the device's GPS figure, or as entered). */
    public record MarkerRecord(long id, long markerId, String number, String condition, Double x, Double y, Integer zone,
                               Double displacementM, Boolean referenceObjectsPresent, Boolean repainted, String note,
                               int version, Double accuracyM) {}

    public record StretchRecord(long id, String fromMarker, String toMarker, boolean terrainChanged, boolean riverMoved,
                                boolean crossBoundaryConstruction, String description) {}

    /**
     * Field record of one marker: by {@code number} (or {@code markerId}); x/y/zone when re-surveyed, with the
     * position's accuracy in metres ({@code accuracyM}, above 0 and at most {@value #MAX_ACCURACY_M}) when known.
     */
    public record MarkerRecordInput(Long markerId, String number, String condition, Double x, Double y, Integer zone,
                                    Boolean referenceObjectsPresent, Boolean repainted, String note, Double accuracyM) {}

    /** The largest position accuracy a record takes (m): a worse fix says nothing about a marker's position. */
    public static final double MAX_ACCURACY_M = 1000;

    public record StretchInput(String fromMarker, String toMarker, Boolean terrainChanged, Boolean riverMoved,
                               Boolean crossBoundaryConstruction, String description) {}

    public record NewInspection(Long lineId, LocalDate inspectedOn, String partyLeft, String partyRight, List<String> team,
                                String note, List<MarkerRecordInput> markers, List<StretchInput> stretches) {}

    /** Named BoundaryProblem in the OpenAPI document: "Problem" is the RFC 9457 problem details schema. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "BoundaryProblem")
    public record Problem(long id, long lineId, String lineCode, Long roundId, Long inspectionId, Long markerId,
                          String markerNumber, String category, String description, String status, String assignee,
                          String evidence, LocalDate fixedOn, String verifiedBy, OffsetDateTime verifiedAt, int version,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    public record NewProblem(Long lineId, Long roundId, Long inspectionId, Long markerId, String category, String description) {}

    /** A step of a problem: assign (assignee), fix (evidence, fixedOn), verify, reopen; always with the version read. */
    public record ProblemStep(String assignee, String evidence, LocalDate fixedOn, String note, Integer version) {}

    public record ProblemEvent(long id, OffsetDateTime at, String actor, String fromStatus, String toStatus, String note) {}
}
