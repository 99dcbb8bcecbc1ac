package cn.civgeo.adjustment;

import cn.civgeo.demographics.DemographicsService;
import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionService;
import cn.civgeo.division.change.ChangeResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * After an approved merge or convert (which re-codes), the successor units' demographics for the approval year: the
 * sum of their predecessors' (issue #19), written through the demographics feature's service (audited) in the
 * approval's transaction. A merge's survivor is its own predecessor (with the absorbed units); every unit the change
 * abolished with exactly one successor (absorbed towns, a converted county, re-coded towns and villages) is a
 * predecessor of that successor. Splits are not carried: a part's share of the old unit's people is not known.
 */
@Component
class SuccessorDemographics {
    private static final Set<String> KINDS = Set.of("merge", "convert");

    private final DemographicsService demographics;
    private final DivisionService divisions;

    SuccessorDemographics(DemographicsService demographics, DivisionService divisions) {
        this.demographics = demographics;
        this.divisions = divisions;
    }

    /** Successor code → its predecessors, over the merge and convert steps applied. */
    Map<String, Set<String>> successions(List<StepApplier.Applied> applied) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (StepApplier.Applied a : applied) {
            if (!KINDS.contains(a.kind())) continue;
            for (ChangeResult r : a.results()) {
                for (ChangeResult.Touched t : r.units()) {
                    if (t.role().equals("survivor")) {
                        out.computeIfAbsent(t.code(), k -> new LinkedHashSet<>()).add(t.code());
                    } else if ("abolished".equals(t.status())) {
                        List<Division> next = divisions.successors(t.code());
                        if (next.size() == 1) out.computeIfAbsent(next.get(0).code(), k -> new LinkedHashSet<>()).add(t.code());
                    }
                }
            }
        }
        return out;
    }

    /** Writes each successor's row for {@code date}'s year; answers what was written or kept, per successor. */
    List<DemographicsService.Carried> carry(long proposalId, List<StepApplier.Applied> applied, LocalDate date, String document) {
        List<DemographicsService.Carried> out = new ArrayList<>();
        for (var e : successions(applied).entrySet()) {
            String source = "区划调整 proposal " + proposalId + " (" + document + "): sum of " + String.join(", ", e.getValue());
            out.add(demographics.carryToSuccessor(e.getKey(), date.getYear(), List.copyOf(e.getValue()), source));
        }
        return out;
    }
}
