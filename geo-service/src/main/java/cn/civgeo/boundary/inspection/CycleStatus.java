package cn.civgeo.boundary.inspection;

import java.time.LocalDate;

/** The five-year cycle rule, kept in one place: when the next inspection of a line is due and its status on a day. */
final class CycleStatus {
    private CycleStatus() {}

    /** Last inspection + 5 years; never inspected: agreement date + 5 years; neither: null (due at once). */
    static LocalDate dueOn(LocalDate lastInspectedOn, LocalDate agreementDate) {
        if (lastInspectedOn != null) return lastInspectedOn.plusYears(CycleModels.CYCLE_YEARS);
        if (agreementDate != null) return agreementDate.plusYears(CycleModels.CYCLE_YEARS);
        return null;
    }

    /** overdue: the due date has passed; due: it falls in asOf's year (not yet passed); current: later; never: no date. */
    static String of(LocalDate dueOn, LocalDate asOf) {
        if (dueOn == null) return "never";
        if (dueOn.isBefore(asOf)) return "overdue";
        if (dueOn.getYear() <= asOf.getYear()) return "due";
        return "current";
    }

    /** The lines a new round should take up: overdue, due this year, or never inspected. */
    static boolean needsInspection(String status) { return !"current".equals(status); }
}
