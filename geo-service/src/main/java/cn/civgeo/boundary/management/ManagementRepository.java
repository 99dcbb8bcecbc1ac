package cn.civgeo.boundary.management;

import cn.civgeo.boundary.management.ManagementModels.Custodian;
import cn.civgeo.boundary.management.ManagementModels.Patrol;
import cn.civgeo.boundary.management.ManagementModels.PeaceBorder;
import cn.civgeo.boundary.management.ManagementModels.PeaceRate;
import cn.civgeo.boundary.management.ManagementModels.RedemarcationTask;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of boundary management (its own tables; lines and markers of the boundary feature; names from division_public). */
@Repository
class ManagementRepository {
    private final JdbcClient jdbc;

    ManagementRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    // ---- 平安边界

    private static final String PEACE = """
            select p.*, l.code as line_code, l.name as line_name, l.level from peace_border p
              join boundary_line l on l.id = p.line_id""";

    Optional<PeaceBorder> peace(long lineId) {
        return jdbc.sql(PEACE + " where p.line_id = :l").param("l", lineId).query(ManagementRepository::peace).optional();
    }

    long insertPeace(long lineId, String status, List<String> parties, LocalDate signedOn, LocalDate validUntil,
                     List<String> documents, String note) {
        return jdbc.sql("""
                        insert into peace_border(line_id, status, parties, signed_on, valid_until, documents, note)
                        values (:l, :s, :p, :on, :until, :docs, :note) returning id""")
                .param("l", lineId).param("s", status).param("p", parties.toArray(String[]::new)).param("on", signedOn)
                .param("until", validUntil).param("docs", documents.toArray(String[]::new)).param("note", note)
                .query(Long.class).single();
    }

    boolean updatePeace(long lineId, int version, String status, List<String> parties, LocalDate signedOn, LocalDate validUntil,
                        List<String> documents, String note) {
        return jdbc.sql("""
                        update peace_border set status = :s, parties = :p, signed_on = :on, valid_until = :until, documents = :docs,
                               note = :note, version = version + 1, updated_at = now()
                         where line_id = :l and version = :v""")
                .param("l", lineId).param("v", version).param("s", status).param("p", parties.toArray(String[]::new))
                .param("on", signedOn).param("until", validUntil).param("docs", documents.toArray(String[]::new))
                .param("note", note).update() == 1;
    }

    /**
     * Lines in force or awaiting re-survey of each level (and, per division, of each unit on either side) within the
     * code prefix, and how many have a signed agreement in force on {@code asOf}.
     */
    List<PeaceRate> peaceRates(String prefix, Integer level, LocalDate asOf, boolean byDivision) {
        String signed = """
                (p.status = 'signed' and p.signed_on <= :asOf and (p.valid_until is null or p.valid_until >= :asOf))""";
        String lines = """
                select l.id, l.level, l.left_code, l.right_code, """ + signed + """
                 as ok from boundary_line l left join peace_border p on p.line_id = l.id
                 where l.status <> 'superseded' and (cast(:level as smallint) is null or l.level = :level)
                   and (cast(:p as text) is null or l.left_code like :p || '%' or l.right_code like :p || '%')""";
        String sql = byDivision ? """
                with lines as (""" + lines + """
                ), sides as (
                    select level, left_code as code, ok from lines union all select level, right_code, ok from lines
                )
                select s.level, s.code as division, d.name as division_name, count(*) as n, count(*) filter (where s.ok) as signed
                  from sides s left join division_public d on d.code = s.code
                 where cast(:p as text) is null or s.code like :p || '%'
                 group by s.level, s.code, d.name order by s.level, s.code""" : """
                with lines as (""" + lines + """
                )
                select level, null as division, null as division_name, count(*) as n, count(*) filter (where ok) as signed
                  from lines group by level order by level""";
        return jdbc.sql(sql).param("p", prefix).param("level", level).param("asOf", asOf)
                .query((rs, i) -> {
                    int n = rs.getInt("n"), s = rs.getInt("signed");
                    return new PeaceRate(rs.getInt("level"), rs.getString("division"), rs.getString("division_name"), n, s,
                            n == 0 ? 0 : Math.round(1000.0 * s / n) / 1000.0);
                }).list();
    }

    // ---- custodians and patrols

    private static final String CUSTODIAN = """
            select c.*, coalesce(l.code, ml.code) as line_code, m.number as marker_number,
                   (select max(patrolled_on) from boundary_patrol p where p.custodian_id = c.id) as last_patrol
              from boundary_custodian c
              left join boundary_line l on l.id = c.line_id
              left join boundary_marker m on m.id = c.marker_id
              left join boundary_line ml on ml.id = m.line_id""";

    Optional<Custodian> custodian(long id) {
        return jdbc.sql(CUSTODIAN + " where c.id = :id").param("id", id).query(ManagementRepository::custodian).optional();
    }

    List<Custodian> custodians(Long lineId) {
        return jdbc.sql(CUSTODIAN + " where cast(:l as bigint) is null or c.line_id = :l or m.line_id = :l order by c.id")
                .param("l", lineId).query(ManagementRepository::custodian).list();
    }

    /** Custodians within the code prefix (of their line or their marker's line). */
    List<Custodian> custodiansWithin(String prefix) {
        return jdbc.sql(CUSTODIAN + "\n" + """
                         where cast(:p as text) is null
                            or coalesce(l.left_code, ml.left_code) like :p || '%' or coalesce(l.right_code, ml.right_code) like :p || '%'
                         order by c.id""").param("p", prefix).query(ManagementRepository::custodian).list();
    }

    boolean custodianExists(Long lineId, Long markerId) {
        return jdbc.sql("select exists(select 1 from boundary_custodian where line_id = :l or marker_id = :m)")
                .param("l", lineId).param("m", markerId).query(Boolean.class).single();
    }

    long insertCustodian(Long lineId, Long markerId, String unit, String person, String contact, int interval, LocalDate since) {
        return jdbc.sql("""
                        insert into boundary_custodian(line_id, marker_id, unit, person, contact, patrol_interval_days, since)
                        values (:l, :m, :u, :p, :c, :i, :since) returning id""")
                .param("l", lineId).param("m", markerId).param("u", unit).param("p", person).param("c", contact)
                .param("i", interval).param("since", since).query(Long.class).single();
    }

    boolean updateCustodian(long id, int version, String unit, String person, String contact, int interval, LocalDate since) {
        return jdbc.sql("""
                        update boundary_custodian set unit = :u, person = :p, contact = :c, patrol_interval_days = :i, since = :since,
                               version = version + 1, updated_at = now() where id = :id and version = :v""")
                .param("id", id).param("v", version).param("u", unit).param("p", person).param("c", contact)
                .param("i", interval).param("since", since).update() == 1;
    }

    long insertPatrol(long custodianId, LocalDate on, String by, String findings, boolean problem, String recordedBy) {
        return jdbc.sql("""
                        insert into boundary_patrol(custodian_id, patrolled_on, patrolled_by, findings, problem_found, recorded_by)
                        values (:c, :on, :by, :f, :pf, :rb) returning id""")
                .param("c", custodianId).param("on", on).param("by", by).param("f", findings).param("pf", problem)
                .param("rb", recordedBy).query(Long.class).single();
    }

    List<Patrol> patrols(long custodianId) {
        return jdbc.sql("select * from boundary_patrol where custodian_id = :c order by patrolled_on desc, id desc")
                .param("c", custodianId)
                .query((rs, i) -> new Patrol(rs.getLong("id"), rs.getLong("custodian_id"), rs.getObject("patrolled_on", LocalDate.class),
                        rs.getString("patrolled_by"), rs.getString("findings"), rs.getBoolean("problem_found"), rs.getString("recorded_by")))
                .list();
    }

    // ---- re-demarcation

    private static final String TASK = """
            select t.*, l.code as line_code, l.name as line_name from redemarcation_task t join boundary_line l on l.id = t.line_id""";

    Optional<RedemarcationTask> task(long id) {
        return jdbc.sql(TASK + " where t.id = :id").param("id", id).query(ManagementRepository::task).optional();
    }

    List<RedemarcationTask> tasks(String status, Long lineId) {
        return jdbc.sql(TASK + " where (cast(:s as text) is null or t.status = :s) and (cast(:l as bigint) is null or t.line_id = :l) order by t.id desc")
                .param("s", status).param("l", lineId).query(ManagementRepository::task).list();
    }

    /** Opens a task for the line unless one is open; the new task's id, or empty when one was open already. */
    Optional<Long> openTask(long lineId, String reason) {
        return jdbc.sql("""
                        insert into redemarcation_task(line_id, reason) values (:l, :r)
                        on conflict (line_id) where status = 'open' do nothing returning id""")
                .param("l", lineId).param("r", reason).query(Long.class).optional();
    }

    boolean updateTask(long id, int version, boolean agreement, boolean markers, boolean description, String status,
                       LocalDate closedOn, String note) {
        return jdbc.sql("""
                        update redemarcation_task set agreement_done = :a, markers_done = :m, description_done = :d, status = :s,
                               closed_on = :c, note = :note, version = version + 1, updated_at = now()
                         where id = :id and version = :v""")
                .param("id", id).param("v", version).param("a", agreement).param("m", markers).param("d", description)
                .param("s", status).param("c", closedOn).param("note", note).update() == 1;
    }

    // ---- mapping

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static PeaceBorder peace(ResultSet rs, int i) throws SQLException {
        return new PeaceBorder(rs.getLong("id"), rs.getLong("line_id"), rs.getString("line_code"), rs.getString("line_name"),
                rs.getInt("level"), rs.getString("status"), strings(rs.getArray("parties")), rs.getObject("signed_on", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), strings(rs.getArray("documents")), rs.getString("note"), rs.getInt("version"));
    }

    private static Custodian custodian(ResultSet rs, int i) throws SQLException {
        LocalDate last = rs.getObject("last_patrol", LocalDate.class), since = rs.getObject("since", LocalDate.class);
        int interval = rs.getInt("patrol_interval_days");
        return new Custodian(rs.getLong("id"), (Long) rs.getObject("line_id", Long.class), (Long) rs.getObject("marker_id", Long.class),
                rs.getString("line_code"), rs.getString("marker_number"), rs.getString("unit"), rs.getString("person"),
                rs.getString("contact"), interval, since, last, (last == null ? since : last).plusDays(interval), rs.getInt("version"));
    }

    private static RedemarcationTask task(ResultSet rs, int i) throws SQLException {
        return new RedemarcationTask(rs.getLong("id"), rs.getLong("line_id"), rs.getString("line_code"), rs.getString("line_name"),
                rs.getString("reason"), rs.getObject("opened_on", LocalDate.class), rs.getBoolean("agreement_done"),
                rs.getBoolean("markers_done"), rs.getBoolean("description_done"), rs.getString("status"),
                rs.getObject("closed_on", LocalDate.class), rs.getString("note"), rs.getInt("version"));
    }
}
