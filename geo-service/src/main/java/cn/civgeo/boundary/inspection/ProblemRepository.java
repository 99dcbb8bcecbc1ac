package cn.civgeo.boundary.inspection;

import cn.civgeo.boundary.inspection.InspectionModels.NewProblem;
import cn.civgeo.boundary.inspection.InspectionModels.Problem;
import cn.civgeo.boundary.inspection.InspectionModels.ProblemEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@link ProblemService}: boundary_problem and its event history. */
@Repository
class ProblemRepository {
    private static final String SELECT = """
            select p.*, l.code as line_code, m.number as marker_number
              from boundary_problem p join boundary_line l on l.id = p.line_id
              left join boundary_marker m on m.id = p.marker_id""";

    private static final String LIST_WHERE = """
             where (cast(:r as bigint) is null or p.round_id = :r) and (cast(:l as bigint) is null or p.line_id = :l)
               and (cast(:s as text) is null or p.status = :s) and (not :open or p.status <> 'closed')""";

    private final JdbcClient jdbc;

    ProblemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Problem> find(long id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(ProblemRepository::map).optional();
    }

    List<Problem> listPage(Long roundId, Long lineId, String status, boolean openOnly, int limit, int offset) {
        return jdbc.sql(SELECT + " " + LIST_WHERE + " order by p.id limit :limit offset :offset")
                .param("r", roundId).param("l", lineId).param("s", status).param("open", openOnly)
                .param("limit", limit).param("offset", offset).query(ProblemRepository::map).list();
    }

    long count(Long roundId, Long lineId, String status, boolean openOnly) {
        return jdbc.sql("select count(*) from boundary_problem p " + LIST_WHERE)
                .param("r", roundId).param("l", lineId).param("s", status).param("open", openOnly).query(Long.class).single();
    }

    List<ProblemEvent> events(long id) {
        return jdbc.sql("select * from boundary_problem_event where problem_id = :id order by id").param("id", id)
                .query((rs, i) -> new ProblemEvent(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("from_status"), rs.getString("to_status"), rs.getString("note")))
                .list();
    }

    boolean lineExists(long lineId) {
        return jdbc.sql("select exists(select 1 from boundary_line where id = :id)").param("id", lineId)
                .query(Boolean.class).single();
    }

    boolean markerOfLine(long markerId, long lineId) {
        return jdbc.sql("select exists(select 1 from boundary_marker where id = :m and line_id = :l)")
                .param("m", markerId).param("l", lineId).query(Boolean.class).single();
    }

    long insert(NewProblem in) {
        return jdbc.sql("""
                        insert into boundary_problem(line_id, round_id, inspection_id, marker_id, category, description)
                        values (:l, :r, :i, :m, :c, :d) returning id""")
                .param("l", in.lineId()).param("r", in.roundId()).param("i", in.inspectionId()).param("m", in.markerId())
                .param("c", in.category()).param("d", in.description()).query(Long.class).single();
    }

    /**
     * Moves the problem to status {@code to} with the step's own assignments {@code set} (a constant of the service,
     * using the parameters :a and :d). Rows updated: 0 when the version is stale.
     */
    int updateStatus(long id, Integer version, String to, String set, String a, LocalDate d) {
        return jdbc.sql("update boundary_problem set status = :to, " + set
                        + ", version = version + 1, updated_at = now() where id = :id and version = :v")
                .param("to", to).param("a", a).param("d", d).param("id", id).param("v", version).update();
    }

    void insertEvent(long id, String actor, String from, String to, String note) {
        jdbc.sql("insert into boundary_problem_event(problem_id, actor, from_status, to_status, note) values (:p, :a, :f, :t, :n)")
                .param("p", id).param("a", actor).param("f", from).param("t", to).param("n", note)
                .update();
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
