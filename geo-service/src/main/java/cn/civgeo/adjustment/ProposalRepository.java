package cn.civgeo.adjustment;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL on the adjustment feature's own tables. */
@Repository
class ProposalRepository {
    private static final String COLS = """
            id, title, note, status, body::text as body, version, created_by, created_at, updated_at, approved_by,
            approved_at, approval_document, event_ids""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ProposalRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private Proposal map(ResultSet rs, int i) throws SQLException {
        List<Long> events = new ArrayList<>();
        Array a = rs.getArray("event_ids");
        if (a != null) for (Long l : (Long[]) a.getArray()) events.add(l);
        return new Proposal(rs.getLong("id"), rs.getString("title"), rs.getString("note"), rs.getString("status"),
                json.readTree(rs.getString("body")), rs.getInt("version"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("approved_by"), rs.getObject("approved_at", OffsetDateTime.class), rs.getString("approval_document"),
                events);
    }

    Optional<Proposal> find(long id) {
        return jdbc.sql("select " + COLS + " from adjustment_proposal where id = :id").param("id", id).query(this::map).optional();
    }

    Optional<Proposal> lock(long id) {
        return jdbc.sql("select " + COLS + " from adjustment_proposal where id = :id for update").param("id", id).query(this::map).optional();
    }

    List<Proposal> list(String status, int limit, int offset) {
        return jdbc.sql("select " + COLS + " from adjustment_proposal where (:s::text is null or status = :s) order by id desc limit :l offset :o")
                .param("s", status).param("l", limit).param("o", offset).query(this::map).list();
    }

    long count(String status) {
        return jdbc.sql("select count(*) from adjustment_proposal where (:s::text is null or status = :s)").param("s", status)
                .query(Long.class).single();
    }

    long insert(String title, String note, String body, String actor) {
        long id = jdbc.sql("""
                insert into adjustment_proposal(title, note, body, created_by) values (:t, :n, cast(:b as jsonb), :a) returning id""")
                .param("t", title).param("n", note).param("b", body).param("a", actor).query(Long.class).single();
        revision(id, 1, title, body, actor);
        return id;
    }

    boolean update(long id, int version, String title, String note, String body, String actor) {
        int n = jdbc.sql("""
                update adjustment_proposal set title = :t, note = :n, body = cast(:b as jsonb), version = version + 1, updated_at = now()
                 where id = :id and version = :v and status = 'draft'""")
                .param("t", title).param("n", note).param("b", body).param("id", id).param("v", version).update();
        if (n == 1) revision(id, version + 1, title, body, actor);
        return n == 1;
    }

    private void revision(long id, int version, String title, String body, String actor) {
        jdbc.sql("insert into adjustment_proposal_revision(proposal_id, version, title, body, saved_by) values (:p, :v, :t, cast(:b as jsonb), :a)")
                .param("p", id).param("v", version).param("t", title).param("b", body).param("a", actor).update();
    }

    List<Map<String, Object>> revisions(long id) {
        return jdbc.sql("select version, title, body::text as body, saved_by as \"savedBy\", saved_at as \"savedAt\" from adjustment_proposal_revision where proposal_id = :p order by version")
                .param("p", id).query().listOfRows();
    }

    boolean approve(long id, int version, String actor, String document, List<Long> eventIds, String impact) {
        return jdbc.sql("""
                update adjustment_proposal set status = 'approved', version = version + 1, updated_at = now(), approved_by = :a,
                       approved_at = now(), approval_document = :d, event_ids = cast(:e as bigint[]), impact = cast(:i as jsonb)
                 where id = :id and version = :v and status = 'draft'""")
                .param("a", actor).param("d", document).param("e", eventIds.toArray(new Long[0])).param("i", impact)
                .param("id", id).param("v", version).update() == 1;
    }

    boolean withdraw(long id, int version) {
        return jdbc.sql("update adjustment_proposal set status = 'withdrawn', version = version + 1, updated_at = now() where id = :id and version = :v and status = 'draft'")
                .param("id", id).param("v", version).update() == 1;
    }

    Optional<String> storedImpact(long id) {
        return jdbc.sql("select impact::text from adjustment_proposal where id = :id and impact is not null").param("id", id)
                .query(String.class).optional();
    }

    // ---- follow-up tasks ------------------------------------------------------------------------------------

    /** A follow-up task; {@code detail} and {@code report} are JSON objects in the API (raw JSON text here). */
    record Task(long id, long proposalId, String kind, String subject, String status,
                @com.fasterxml.jackson.annotation.JsonRawValue String detail, String jobId,
                @com.fasterxml.jackson.annotation.JsonRawValue String report, int version) {}

    long insertTask(long proposalId, String kind, String subject, String detail) {
        return jdbc.sql("insert into adjustment_task(proposal_id, kind, subject, detail) values (:p, :k, :s, cast(:d as jsonb)) returning id")
                .param("p", proposalId).param("k", kind).param("s", subject).param("d", detail).query(Long.class).single();
    }

    List<Task> tasks(long proposalId) {
        return jdbc.sql("select id, proposal_id, kind, subject, status, detail::text, job_id, report::text, version from adjustment_task where proposal_id = :p order by id")
                .param("p", proposalId).query((rs, i) -> new Task(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9))).list();
    }

    Optional<Task> task(long id) {
        return jdbc.sql("select id, proposal_id, kind, subject, status, detail::text, job_id, report::text, version from adjustment_task where id = :id")
                .param("id", id).query((rs, i) -> new Task(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9))).optional();
    }

    void taskJob(long id, String jobId) {
        jdbc.sql("update adjustment_task set job_id = :j, status = 'running', version = version + 1, updated_at = now() where id = :id")
                .param("j", jobId).param("id", id).update();
    }

    void taskDone(long id, String status, String report) {
        jdbc.sql("update adjustment_task set status = :s, report = cast(:r as jsonb), version = version + 1, updated_at = now() where id = :id")
                .param("s", status).param("r", report).param("id", id).update();
    }

    boolean taskStatus(long id, int version, String status) {
        return jdbc.sql("update adjustment_task set status = :s, version = version + 1, updated_at = now() where id = :id and version = :v")
                .param("s", status).param("id", id).param("v", version).update() == 1;
    }
}
