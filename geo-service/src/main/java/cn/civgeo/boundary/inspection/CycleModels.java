package cn.civgeo.boundary.inspection;

import java.time.LocalDate;
import java.util.List;

/** Records of the five-year inspection cycle, round assignments and a surveyor's lines. */
public final class CycleModels {
    private CycleModels() {}

    /** Every line is inspected every {@value} years (domain §2, §8). */
    public static final int CYCLE_YEARS = 5;
    /** current: next due after this year; due: falls due this year; overdue: due date passed; never: not inspected and no agreement date. */
    public static final List<String> CYCLE_STATUSES = List.of("current", "due", "overdue", "never");

    /**
     * A line's place in the cycle: last inspection, the date the next one is due, its status on {@code asOf}, and the
     * open (not completed) round covering it, if any, with the line's inspection there and the team assigned.
     */
    public record LineCycle(long lineId, String code, String name, int level, String leftCode, String rightCode,
                            LocalDate agreementDate, LocalDate lastInspectedOn, LocalDate dueOn, String status,
                            Long openRoundId, String openRoundName, String openRoundStatus, Long inspectionId,
                            String team, List<String> members) {}

    public record CycleSummary(LocalDate asOf, int lines, int current, int due, int overdue, int never) {}

    public record CycleAnswer(CycleSummary summary, List<LineCycle> items, long total, int limit, int offset) {}

    public record Assignment(long lineId, String lineCode, String lineName, String team, List<String> members,
                             String assignedBy) {}

    public record AssignmentInput(Long lineId, String team, List<String> members) {}

    /** Replaces the assignments of the lines given; {@code version} is the round's version read. */
    public record AssignmentChange(Integer version, List<AssignmentInput> assignments) {}

    public record MyMarker(long id, String number, double lon, double lat, String lastCondition, String recordedCondition,
                           Long recordId, Integer recordVersion) {}

    /** A line assigned to the signed-in surveyor in an open round, its markers and progress (markers recorded). */
    public record MyLine(long roundId, String roundName, String roundStatus, int roundVersion, long lineId, String code,
                         String name, int level, String team, List<String> members, Long inspectionId,
                         Integer inspectionVersion, int markerCount, int recordedCount, double[] bbox,
                         List<MyMarker> markers) {}
}
