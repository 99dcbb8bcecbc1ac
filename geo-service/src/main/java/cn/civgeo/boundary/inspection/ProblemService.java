package cn.civgeo.boundary.inspection;

import cn.civgeo.audit.AuditService;
import cn.civgeo.boundary.inspection.InspectionModels.NewProblem;
import cn.civgeo.boundary.inspection.InspectionModels.Problem;
import cn.civgeo.boundary.inspection.InspectionModels.ProblemEvent;
import cn.civgeo.boundary.inspection.InspectionModels.ProblemStep;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Paging;
import cn.civgeo.common.Validation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Problems found on inspection, tracked until closed: open → assigned → fixed (with evidence) → closed (verified
 * by someone other than the assignee). A rejected fix goes back to assigned. Every step is kept in the history.
 */
@Service
public class ProblemService {
    private static final String SELECT = """
            select p.*, l.code as line_code, m.number as marker_number
              from boundary_problem p join boundary_line l on l.id = p.line_id
              left join boundary_marker m on m.id = p.marker_id""";

    private final JdbcClient jdbc;
    private final AuditService audit;

    ProblemService(JdbcClient jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Problem get(long id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(ProblemService::map).optional()
                .orElseThrow(() -> ApiException.notFound("problem", id));
    }

    public Paging.Page<Problem> list(Long roundId, Long lineId, String status, boolean openOnly, Paging p) {
        if (status != null && !InspectionModels.PROBLEM_STATUSES.contains(status)) {
            throw ApiException.badField("status", "must be one of " + InspectionModels.PROBLEM_STATUSES);
        }
        String where = """
                 where (cast(:r as bigint) is null or p.round_id = :r) and (cast(:l as bigint) is null or p.line_id = :l)
                   and (cast(:s as text) is null or p.status = :s) and (not :open or p.status <> 'closed')""";
        List<Problem> items = jdbc.sql(SELECT + " " + where + " order by p.id limit :limit offset :offset")
                .param("r", roundId).param("l", lineId).param("s", status).param("open", openOnly)
                .param("limit", p.limit()).param("offset", p.offset()).query(ProblemService::map).list();
        long total = jdbc.sql("select count(*) from boundary_problem p " + where)
                .param("r", roundId).param("l", lineId).param("s", status).param("open", openOnly).query(Long.class).single();
        return p.page(items, total);
    }

    public List<ProblemEvent> history(long id) {
        get(id);
        return jdbc.sql("select * from boundary_problem_event where problem_id = :id order by id").param("id", id)
                .query((rs, i) -> new ProblemEvent(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("from_status"), rs.getString("to_status"), rs.getString("note")))
                .list();
    }

    @Transactional
    public Problem create(NewProblem in) {
        Validation v = new Validation();
        v.require(in.lineId() != null, "lineId", "is required");
        v.require(in.category() != null && InspectionModels.PROBLEM_CATEGORIES.contains(in.category()), "category",
                "must be one of " + InspectionModels.PROBLEM_CATEGORIES);
        v.notBlank(in.description(), "description");
        v.throwIfInvalid();
        boolean lineOk = jdbc.sql("select exists(select 1 from boundary_line where id = :id)").param("id", in.lineId())
                .query(Boolean.class).single();
        if (!lineOk) throw ApiException.badField("lineId", "unknown line " + in.lineId());
        if (in.markerId() != null) {
            boolean ok = jdbc.sql("select exists(select 1 from boundary_marker where id = :m and line_id = :l)")
                    .param("m", in.markerId()).param("l", in.lineId()).query(Boolean.class).single();
            if (!ok) throw ApiException.badField("markerId", "is not a marker of line " + in.lineId());
        }
        long id = jdbc.sql("""
                        insert into boundary_problem(line_id, round_id, inspection_id, marker_id, category, description)
                        values (:l, :r, :i, :m, :c, :d) returning id""")
                .param("l", in.lineId()).param("r", in.roundId()).param("i", in.inspectionId()).param("m", in.markerId())
                .param("c", in.category()).param("d", in.description()).query(Long.class).single();
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
        int n = jdbc.sql("update boundary_problem set status = :to, " + set
                        + ", version = version + 1, updated_at = now() where id = :id and version = :v")
                .param("to", to).param("a", a).param("d", d).param("id", old.id()).param("v", step.version()).update();
        if (n == 0) throw ApiException.staleVersion("problem", old.id(), step.version());
        event(old.id(), old.status(), to, step.note());
        Problem p = get(old.id());
        audit.updated("boundary_problem", old.id(), old, p);
        return p;
    }

    private void event(long id, String from, String to, String note) {
        jdbc.sql("insert into boundary_problem_event(problem_id, actor, from_status, to_status, note) values (:p, :a, :f, :t, :n)")
                .param("p", id).param("a", AuditService.currentActor()).param("f", from).param("t", to).param("n", note)
                .update();
    }

    private static void requireVersion(ProblemStep step) {
        if (step == null || step.version() == null) throw ApiException.badField("version", "is required (the version you read)");
    }

    private static void expect(Problem p, String... states) {
        for (String s : states) if (s.equals(p.status())) return;
        throw ApiException.conflict("problem " + p.id() + " is " + p.status() + "; this step needs " + String.join(" or ", states));
    }

    private static Problem map(ResultSet rs, int i) throws SQLException {
        return new Problem(rs.getLong("id"), rs.getLong("line_id"), rs.getString("line_code"),
                (Long) rs.getObject("round_id", Long.class), (Long) rs.getObject("inspection_id", Long.class),
                (Long) rs.getObject("marker_id", Long.class), rs.getString("marker_number"), rs.getString("category"),
                rs.getString("description"), rs.getString("status"), rs.getString("assignee"), rs.getString("evidence"),
                rs.getObject("fixed_on", LocalDate.class), rs.getString("verified_by"),
                rs.getObject("verified_at", OffsetDateTime.class), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
