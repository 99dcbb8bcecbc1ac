package cn.civgeo.division;

import java.time.LocalDate;
import java.util.List;

/**
 * Published synchronously inside the transaction of every applied division change, so listeners (e.g. boundary
 * lines needing re-survey) commit or roll back with it.
 *
 * @param eventKind establish, abolish, rename, merge, split, reparent, convert or boundary; {@value #LOAD} for a
 *                  registry or demo load
 * @param codes     every code the change touched (old and new codes, survivors, absorbed, moved descendants); empty
 *                  for a load (many units: caches drop everything, per-unit listeners such as boundary re-survey ignore it)
 */
public record DivisionChangedEvent(String eventKind, List<String> codes, LocalDate effectiveDate) {
    public static final String LOAD = "load";

    public DivisionChangedEvent {
        codes = List.copyOf(codes);
    }

    /** A registry or demo load: many units at once. */
    public static DivisionChangedEvent load() { return new DivisionChangedEvent(LOAD, List.of(), null); }
}
