package cn.civgeo.boundary.management;

import java.time.LocalDate;
import java.util.List;

/** Records of boundary management: 平安边界, custodians and patrols, re-demarcation tasks. */
final class ManagementModels {
    private ManagementModels() {}

    public static final List<String> PEACE_STATUSES = List.of("planned", "negotiating", "signed", "lapsed");

    public record PeaceBorder(long id, long lineId, String lineCode, String lineName, int level, String status,
                              List<String> parties, LocalDate signedOn, LocalDate validUntil, List<String> documents,
                              String note, int version) {}

    /** Creates or changes a line's agreement; {@code version} is required when one exists (the version read). */
    public record PeaceBorderInput(String status, List<String> parties, LocalDate signedOn, LocalDate validUntil,
                                   List<String> documents, String note, Integer version) {}

    /** Creation rate: lines with a signed agreement in force on the day / lines, per level and per division. */
    public record PeaceRate(int level, String division, String divisionName, int lines, int signed, double rate) {}

    public record PeaceRates(LocalDate asOf, List<PeaceRate> byLevel, List<PeaceRate> byDivision) {}

    public record Custodian(long id, Long lineId, Long markerId, String lineCode, String markerNumber, String unit,
                            String person, String contact, int patrolIntervalDays, LocalDate since,
                            LocalDate lastPatrolOn, LocalDate patrolDueOn, int version) {}

    public record CustodianInput(Long lineId, Long markerId, String unit, String person, String contact,
                                 Integer patrolIntervalDays, LocalDate since, Integer version) {}

    public record Patrol(long id, long custodianId, LocalDate patrolledOn, String patrolledBy, String findings,
                         boolean problemFound, String recordedBy) {}

    public record PatrolInput(LocalDate patrolledOn, String patrolledBy, String findings, Boolean problemFound) {}

    public record OverduePatrol(Custodian custodian, int daysOverdue) {}

    public record RedemarcationTask(long id, long lineId, String lineCode, String lineName, String reason,
                                    LocalDate openedOn, boolean agreementDone, boolean markersDone,
                                    boolean descriptionDone, String status, LocalDate closedOn, String note, int version) {}

    /** Ticks steps off; {@code close=true} closes the task once all three are done. */
    public record RedemarcationStep(Boolean agreementDone, Boolean markersDone, Boolean descriptionDone, Boolean close,
                                    String note, Integer version) {}
}
