package cn.civgeo.division;

import java.time.LocalDate;
import java.util.List;

/**
 * Published synchronously inside the transaction of every applied division change, so listeners (e.g. boundary
 * lines needing re-survey) commit or roll back with it.
 *
 * @param eventKind establish, abolish, rename, merge, split, reparent or boundary
 * @param codes     every code the change touched (old and new codes, survivors, absorbed, moved descendants)
 */
public record DivisionChangedEvent(String eventKind, List<String> codes, LocalDate effectiveDate) {
    public DivisionChangedEvent {
        codes = List.copyOf(codes);
    }
}
