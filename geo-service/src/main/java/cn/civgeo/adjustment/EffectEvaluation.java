package cn.civgeo.adjustment;

import cn.civgeo.common.ApiException;
import cn.civgeo.demographics.DemographicsRow;
import cn.civgeo.demographics.DemographicsService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Effect evaluation (效果评估) of an applied adjustment: per year, the demographics of the predecessor units (summed)
 * (until the year before the approval) and of the successor units (summed), from {@code years} years before the approval
 * to today, as a time series. Years
 * without a demographics row for some unit are marked incomplete rather than filled in.
 */
@Component
class EffectEvaluation {
    private final ProposalService proposals;
    private final DemographicsService demographics;

    EffectEvaluation(ProposalService proposals, DemographicsService demographics) {
        this.proposals = proposals;
        this.demographics = demographics;
    }

    public record Point(int year, String side, List<String> codes, Long population, Long households, Long elderly, int unitsWithData) {}

    public record Evaluation(long proposalId, LocalDate appliedOn, List<String> predecessors, List<String> successors, List<Point> series) {}

    Evaluation evaluate(long id, int years) {
        if (years < 1 || years > 30) throw ApiException.badField("years", "must be between 1 and 30");
        Proposal p = proposals.get(id);
        if (!"approved".equals(p.status()) || p.approvedAt() == null) throw ApiException.conflict("proposal " + id + " is not applied yet");
        ImpactReport r = proposals.impact(id, false);
        Set<String> pred = new LinkedHashSet<>();
        r.predecessors().forEach(u -> pred.add(u.code()));
        Set<String> succ = new LinkedHashSet<>();
        r.results().forEach(u -> succ.add(u.code()));
        LocalDate applied = p.approvedAt().toLocalDate();
        List<Point> series = new ArrayList<>();
        for (int y = applied.getYear() - years; y <= LocalDate.now().getYear(); y++) {
            // the predecessors' series ends the year before the change: from then on a merge's survivor (a predecessor
            // too) holds the successor's summed figures, so a later point would count them twice
            if (y < applied.getYear()) series.add(point(y, "predecessors", List.copyOf(pred)));
            series.add(point(y, "successors", List.copyOf(succ)));
        }
        return new Evaluation(id, applied, List.copyOf(pred), List.copyOf(succ), series);
    }

    private Point point(int year, String side, List<String> codes) {
        List<DemographicsRow> rows = demographics.asOf(codes, year);
        Long pop = null, hh = null, old = null;
        for (DemographicsRow d : rows) {
            if (d.population() != null) pop = (pop == null ? 0 : pop) + d.population();
            if (d.households() != null) hh = (hh == null ? 0 : hh) + d.households();
            if (d.age60() != null) old = (old == null ? 0 : old) + d.age60();
        }
        return new Point(year, side, codes, pop, hh, old, rows.size());
    }
}
