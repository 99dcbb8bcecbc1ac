package cn.civgeo.boundary.inspection;

import cn.civgeo.audit.AuditService;
import cn.civgeo.boundary.inspection.InspectionModels.NewProblem;
import cn.civgeo.boundary.inspection.InspectionModels.Problem;
import cn.civgeo.boundary.inspection.InspectionModels.ProblemEvent;
import cn.civgeo.boundary.inspection.InspectionModels.ProblemStep;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.common.Validation;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Problems found on inspection, tracked until closed: open → assigned → fixed (with evidence) → closed (verified
 * by someone other than the assignee). A rejected fix goes back to assigned. Every step is kept in the history.
 */
@Service
public class ProblemService {
    private final ProblemRepository repo;
    private final AuditService audit;

    ProblemService(ProblemRepository repo, AuditService audit) {
        this.repo = repo;
        this.audit = audit;
    }

    public Problem get(long id) {
        return repo.find(id)
                .orElseThrow(() -> ApiException.notFound("problem", id));
    }

    public Paging.Page<Problem> list(Long roundId, Long lineId, String status, boolean openOnly, Paging p) {
        if (status != null && !InspectionModels.PROBLEM_STATUSES.contains(status)) {
            throw ApiException.badField("status", "must be one of " + InspectionModels.PROBLEM_STATUSES);
        }
        List<Problem> items = repo.listPage(roundId, lineId, status, openOnly, p.limit(), p.offset());
        long total = repo.count(roundId, lineId, status, openOnly);
        return p.page(items, total);
    }

    public List<ProblemEvent> history(long id) {
        get(id);
        return repo.events(id);
    }

    @Transactional
    public Problem create(NewProblem in) {
        Validation v = new Validation();
        v.require(in.lineId() != null, "lineId", "is required");
        v.require(in.category() != null && InspectionModels.PROBLEM_CATEGORIES.contains(in.category()), "category",
                "must be one of " + InspectionModels.PROBLEM_CATEGORIES);
        v.notBlank(in.description(), "description");
        v.throwIfInvalid();
        boolean lineOk = repo.lineExists(in.lineId());
        if (!lineOk) throw ApiException.badField("lineId", "unknown line " + in.lineId());
        if (in.markerId() != null) {
            boolean ok = repo.markerOfLine(in.markerId(), in.lineId());
            if (!ok) throw ApiException.badField("markerId", "is not a marker of line " + in.lineId());
        }
        long id = repo.insert(in);
        event(id, null, "open", in.description());
        Problem p = get(id);
        audit.created("boundary_problem", id, p);
        return p;
    }

    @Transactional
    public Problem assign(long id, ProblemStep step) {
        Problem old = get(id);
        requireVersion(step);
        if (step.assignee() == null || step.assignee().isBlank()) throw ApiException.badField("assignee", "must not be blank");
        expect(old, "open", "assigned");
        return move(old, step, "assigned", "assignee = :a", step.assignee(), null);
    }

    @Transactional
    public Problem fix(long id, ProblemStep step) {
        Problem old = get(id);
        requireVersion(step);
        if (step.evidence() == null || step.evidence().isBlank()) {
            throw ApiException.badField("evidence", "describe the evidence of the fix (photos may be attached too)");
        }
        expect(old, "assigned");
        LocalDate on = step.fixedOn() == null ? LocalDate.now() : step.fixedOn();
        return move(old, step, "fixed", "evidence = :a, fixed_on = :d", step.evidence(), on);
    }

    @Transactional
    public Problem verify(long id, ProblemStep step) {
        Problem old = get(id);
        requireVersion(step);
        expect(old, "fixed");
        String actor = AuditService.currentActor();
        if (actor.equals(old.assignee())) {
            throw ApiException.conflict("the fix must be verified by someone other than its assignee " + old.assignee());
        }
        return move(old, step, "closed", "verified_by = :a, verified_at = now()", actor, null);
    }

    @Transactional
    public Problem reopen(long id, ProblemStep step) {
        Problem old = get(id);
        requireVersion(step);
        expect(old, "fixed");
        if (step.note() == null || step.note().isBlank()) throw ApiException.badField("note", "say why the fix is not accepted");
        return move(old, step, "assigned", "assignee = assignee", null, null);
    }

    private Problem move(Problem old, ProblemStep step, String to, String set, String a, LocalDate d) {
        int n = repo.updateStatus(old.id(), step.version(), to, set, a, d);
        if (n == 0) throw ApiException.staleVersion("problem", old.id(), step.version());
        event(old.id(), old.status(), to, step.note());
        Problem p = get(old.id());
        audit.updated("boundary_problem", old.id(), old, p);
        return p;
    }

    private void event(long id, String from, String to, String note) {
        repo.insertEvent(id, AuditService.currentActor(), from, to, note);
    }

    private static void requireVersion(ProblemStep step) {
        if (step == null || step.version() == null) throw ApiException.badField("version", "is required (the version you read)");
    }

    private static void expect(Problem p, String... states) {
        for (String s : states) if (s.equals(p.status())) return;
        throw ApiException.conflict("problem " + p.id() + " is " + p.status() + "; this step needs " + String.join(" or ", states));
    }
}
