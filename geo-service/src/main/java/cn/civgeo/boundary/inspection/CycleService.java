package cn.civgeo.boundary.inspection;

import cn.civgeo.audit.AuditService;
import cn.civgeo.boundary.inspection.CycleModels.Assignment;
import cn.civgeo.boundary.inspection.CycleModels.AssignmentChange;
import cn.civgeo.boundary.inspection.CycleModels.AssignmentInput;
import cn.civgeo.boundary.inspection.CycleModels.CycleAnswer;
import cn.civgeo.boundary.inspection.CycleModels.CycleSummary;
import cn.civgeo.boundary.inspection.CycleModels.LineCycle;
import cn.civgeo.boundary.inspection.CycleModels.MyLine;
import cn.civgeo.boundary.inspection.CycleModels.MyMarker;
import cn.civgeo.boundary.inspection.InspectionModels.Round;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.common.Validation;
import cn.civgeo.security.UserService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The five-year inspection cycle per line (last inspected, due, overdue), the assignment of a round's lines to
 * survey teams, and the lines a signed-in surveyor is to inspect ("my lines") with markers and progress.
 */
@Service
public class CycleService {
    private final CycleRepository repo;
    private final InspectionService inspections;
    private final UserService users;
    private final AuditService audit;

    CycleService(CycleRepository repo, InspectionService inspections, UserService users, AuditService audit) {
        this.repo = repo;
        this.inspections = inspections;
        this.users = users;
        this.audit = audit;
    }

    /**
     * The cycle of the active lines of {@code level} (all levels when null) within the division {@code within},
     * on {@code asOf} (default today); {@code status} filters: one of current, due, overdue, never, or "needed"
     * (due, overdue or never: what a new round should take up).
     */
    public CycleAnswer cycle(Integer level, String within, LocalDate asOf, String status, Paging p) {
        Validation v = new Validation();
        v.require(level == null || (level >= 1 && level <= 4), "level", "must be 1–4");
        v.require(within == null || within.matches("\\d{2,12}"), "within", "must be a division code of 2–12 digits");
        v.require(status == null || "needed".equals(status) || CycleModels.CYCLE_STATUSES.contains(status), "status",
                "must be one of " + CycleModels.CYCLE_STATUSES + " or needed");
        v.throwIfInvalid();
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        List<LineCycle> all = repo.cycle(level, within == null ? null : InspectionService.scope(within), null).stream()
                .map(r -> of(r, day)).toList();
        int[] n = new int[4];
        for (LineCycle c : all) n[CycleModels.CYCLE_STATUSES.indexOf(c.status())]++;
        List<LineCycle> picked = all.stream().filter(c -> status == null || c.status().equals(status)
                || ("needed".equals(status) && CycleStatus.needsInspection(c.status()))).toList();
        List<LineCycle> page = picked.subList(Math.min(p.offset(), picked.size()), Math.min(p.offset() + p.limit(), picked.size()));
        return new CycleAnswer(new CycleSummary(day, all.size(), n[0], n[1], n[2], n[3]), page, picked.size(), p.limit(), p.offset());
    }

    /** One line's cycle today, with the open round covering it (null fields when none: recording is refused). */
    public LineCycle lineCycle(long lineId) {
        return repo.cycle(null, null, lineId).stream().findFirst().map(r -> of(r, LocalDate.now()))
                .orElseThrow(() -> ApiException.notFound("boundary line", lineId));
    }

    private static LineCycle of(CycleRepository.Row r, LocalDate asOf) {
        LocalDate due = CycleStatus.dueOn(r.lastInspectedOn(), r.agreementDate());
        return new LineCycle(r.lineId(), r.code(), r.name(), r.level(), r.leftCode(), r.rightCode(), r.agreementDate(),
                r.lastInspectedOn(), due, CycleStatus.of(due, asOf), r.roundId(), r.roundName(), r.roundStatus(),
                r.inspectionId(), r.team(), r.members());
    }

    // ---- assignments

    public List<Assignment> assignments(long roundId) {
        inspections.round(roundId);
        return repo.assignments(roundId);
    }

    /** Assigns lines of the round to teams (replacing their earlier assignment); members must be user names. */
    @Transactional
    public List<Assignment> assign(long roundId, AssignmentChange c) {
        Round r = inspections.round(roundId);
        Validation v = new Validation();
        v.require(c.version() != null, "version", "is required (the version you read)");
        v.require(c.assignments() != null && !c.assignments().isEmpty(), "assignments", "give at least one assignment");
        v.throwIfInvalid();
        if ("completed".equals(r.status())) throw ApiException.conflict("round " + r.id() + " is completed");
        Set<Long> covered = new HashSet<>(inspections.roundLines(roundId));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < c.assignments().size(); i++) {
            AssignmentInput a = c.assignments().get(i);
            String f = "assignments[" + i + "]";
            if (a == null || a.lineId() == null) { v.add(f + ".lineId", "is required"); continue; }
            if (!covered.contains(a.lineId())) v.add(f + ".lineId", "the round does not cover line " + a.lineId());
            else if (!seen.add(a.lineId())) v.add(f + ".lineId", "line " + a.lineId() + " is listed twice");
            if (a.team() == null || a.team().isBlank() || a.team().length() > 100) v.add(f + ".team", "must be 1–100 characters");
            List<String> m = a.members() == null ? List.of() : a.members();
            for (int j = 0; j < m.size(); j++) {
                if (m.get(j) == null || users.byUsername(m.get(j)).isEmpty()) v.add(f + ".members[" + j + "]", "unknown user " + m.get(j));
            }
        }
        v.throwIfInvalid();
        List<Assignment> before = repo.assignments(roundId);
        if (!repo.touchRound(roundId, c.version())) throw ApiException.staleVersion("inspection round", roundId, c.version());
        String by = AuditService.currentActor();
        for (AssignmentInput a : c.assignments()) {
            repo.upsertAssignment(roundId, a.lineId(), a.team().strip(), a.members() == null ? List.of() : a.members(), by);
        }
        List<Assignment> after = repo.assignments(roundId);
        audit.updated("inspection_round", roundId, Map.of("assignments", before), Map.of("assignments", after));
        return after;
    }

    // ---- my lines

    /** The lines assigned to {@code username} in rounds not completed, with markers and this round's records. */
    public List<MyLine> myLines(String username) {
        List<MyLine> out = new ArrayList<>();
        for (CycleRepository.MyRow r : repo.myLines(username)) {
            List<MyMarker> ms = repo.markersWithRecords(r.lineId(), r.inspectionId());
            int recorded = (int) ms.stream().filter(m -> m.recordId() != null).count();
            out.add(new MyLine(r.roundId(), r.roundName(), r.roundStatus(), r.roundVersion(), r.lineId(), r.code(), r.name(),
                    r.level(), r.team(), r.members(), r.inspectionId(), r.inspectionVersion(), ms.size(), recorded, r.bbox(), ms));
        }
        return out;
    }
}
