package cn.civgeo.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class PlanRepository {
    private static final String PLAN_COLUMNS = """
            id, code, division_code, name, name_en, period_from, period_to, baseline_year, source, version, created_by,
            created_at, updated_by, updated_at, approval, approving_body, approval_document, approved_on, approved_by,
            approved_at, reopen_reason""";
    private static final String INDICATOR_COLUMNS = """
            code, name_zh, name_en, unit, definition, baseline, target, target_max, target_text, direction, kind, source,
            metric::text as metric, overrides::text as overrides""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PlanRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Years after the baseline up to the year with demographics of the division or values reported for it in the plan. */
    List<Integer> recordedYears(long planId, String code, int baselineYear, int year) {
        return jdbc.sql("""
                        select distinct year::int from demographics_at(:y) where division_code = :c and year > :b
                        union select distinct year::int from plan_reported_value where plan_id = :p and division_code = :c
                           and year > :b and year <= :y""")
                .param("y", year).param("c", code).param("b", baselineYear).param("p", planId).query(Integer.class).list();
    }

    Optional<Plan> byId(long id) {
        return jdbc.sql("select " + PLAN_COLUMNS + " from plan where id = :id").param("id", id).query(this::plan).optional();
    }

    Optional<Long> idByCode(String code) {
        return jdbc.sql("select id from plan where code = :c").param("c", code).query(Long.class).optional();
    }

    List<Plan> list(String division) {
        return jdbc.sql("select " + PLAN_COLUMNS + " from plan where cast(:d as text) is null or division_code = :d order by division_code, period_from, code")
                .param("d", division).query(this::plan).list();
    }

    long insert(Plan.Input p, String actor) {
        long id = jdbc.sql("""
                        insert into plan(code, division_code, name, name_en, period_from, period_to, baseline_year, source, created_by, updated_by)
                        values (:code, :div, :name, :en, :from, :to, :base, :src, :a, :a) returning id""")
                .param("code", p.code()).param("div", p.divisionCode()).param("name", p.name()).param("en", p.nameEn())
                .param("from", p.periodFrom()).param("to", p.periodTo()).param("base", p.baselineYear()).param("src", p.source())
                .param("a", actor).query(Long.class).single();
        insertIndicators(id, p.indicators());
        return id;
    }

    /** Approves a draft at the version read; false when the version is stale. */
    boolean approve(long id, int version, Plan.ApprovalInput a, String actor) {
        return jdbc.sql("""
                        update plan set approval = 'approved', approving_body = :body, approval_document = :doc, approved_on = :on,
                               approved_by = :a, approved_at = now(), updated_by = :a, updated_at = now(), version = version + 1
                         where id = :id and version = :v and approval = 'draft'""")
                .param("body", a.approvingBody().strip()).param("doc", a.document().strip()).param("on", a.approvedOn())
                .param("a", actor).param("id", id).param("v", version).update() == 1;
    }

    /** Takes an approved plan back to draft at the version read; false when the version is stale. */
    boolean reopen(long id, int version, String reason, String actor) {
        return jdbc.sql("""
                        update plan set approval = 'draft', reopen_reason = :r, updated_by = :a, updated_at = now(), version = version + 1
                         where id = :id and version = :v and approval = 'approved'""")
                .param("r", reason.strip()).param("a", actor).param("id", id).param("v", version).update() == 1;
    }

    boolean update(long id, int version, Plan.Input p, String actor) {
        int n = jdbc.sql("""
                        update plan set code = :code, division_code = :div, name = :name, name_en = :en, period_from = :from,
                               period_to = :to, baseline_year = :base, source = :src, updated_by = :a, updated_at = now(),
                               version = version + 1
                         where id = :id and version = :v""")
                .param("code", p.code()).param("div", p.divisionCode()).param("name", p.name()).param("en", p.nameEn())
                .param("from", p.periodFrom()).param("to", p.periodTo()).param("base", p.baselineYear()).param("src", p.source())
                .param("a", actor).param("id", id).param("v", version).update();
        if (n != 1) return false;
        jdbc.sql("delete from plan_indicator where plan_id = :id").param("id", id).update();
        insertIndicators(id, p.indicators());
        return true;
    }

    boolean delete(long id, int version) {
        return jdbc.sql("delete from plan where id = :id and version = :v").param("id", id).param("v", version).update() == 1;
    }

    void insertVersion(long id, int version, Object snapshot, String actor) {
        jdbc.sql("insert into plan_version(plan_id, version, snapshot, changed_by) values (:id, :v, cast(:s as jsonb), :a)")
                .param("id", id).param("v", version).param("s", json.writeValueAsString(snapshot)).param("a", actor).update();
    }

    List<Plan.Version> versions(long id) {
        return jdbc.sql("select version, changed_by, changed_at, snapshot::text from plan_version where plan_id = :id order by version")
                .param("id", id).query((rs, i) -> new Plan.Version(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        json.readTree(rs.getString(4)))).list();
    }

    private void insertIndicators(long planId, List<Plan.Indicator> list) {
        int pos = 0;
        for (Plan.Indicator i : list) {
            jdbc.sql("""
                    insert into plan_indicator(plan_id, position, code, name_zh, name_en, unit, definition, baseline, target,
                           target_max, target_text, direction, kind, source, metric, overrides)
                    values (:p, :pos, :code, :zh, :en, :unit, :def, :base, :target, :max, :text, :dir, :kind, :src,
                            cast(:metric as jsonb), cast(:ov as jsonb))""")
                    .param("p", planId).param("pos", pos++).param("code", i.code()).param("zh", i.nameZh()).param("en", i.nameEn())
                    .param("unit", i.unit()).param("def", i.definition()).param("base", i.baseline()).param("target", i.target())
                    .param("max", i.targetMax()).param("text", i.targetText()).param("dir", i.direction()).param("kind", i.kind())
                    .param("src", i.source()).param("metric", i.metric() == null ? null : json.writeValueAsString(i.metric()))
                    .param("ov", json.writeValueAsString(i.overrides() == null ? Map.of() : i.overrides())).update();
        }
    }

    private Plan plan(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Plan.Indicator> indicators = jdbc.sql("select " + INDICATOR_COLUMNS + " from plan_indicator where plan_id = :id order by position")
                .param("id", id).query(this::indicator).list();
        return new Plan(id, rs.getString("code"), rs.getString("division_code"), rs.getString("name"), rs.getString("name_en"),
                rs.getInt("period_from"), rs.getInt("period_to"), rs.getInt("baseline_year"), rs.getString("source"),
                rs.getInt("version"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class), indicators,
                new Plan.Approval(rs.getString("approval"), rs.getString("approving_body"), rs.getString("approval_document"),
                        rs.getObject("approved_on", java.time.LocalDate.class), rs.getString("approved_by"),
                        rs.getObject("approved_at", OffsetDateTime.class), rs.getString("reopen_reason")));
    }

    private Plan.Indicator indicator(ResultSet rs, int row) throws SQLException {
        String m = rs.getString("metric");
        Map<String, Double> ov = json.readValue(rs.getString("overrides"), new TypeReference<Map<String, Double>>() {});
        return new Plan.Indicator(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("unit"),
                rs.getString("definition"), (Double) rs.getObject("baseline"), (Double) rs.getObject("target"),
                (Double) rs.getObject("target_max"), rs.getString("target_text"), rs.getString("direction"), rs.getString("kind"),
                rs.getString("source"), m == null ? null : json.readValue(m, Metric.class), ov);
    }

    // reported values

    List<Plan.ReportedValue> values(long planId, String indicator, String division) {
        return jdbc.sql("""
                        select id, indicator_code, division_code, year, value, source, note, version, recorded_by, recorded_at
                          from plan_reported_value where plan_id = :p
                           and (cast(:i as text) is null or indicator_code = :i) and (cast(:d as text) is null or division_code = :d)
                         order by indicator_code, division_code, year""")
                .param("p", planId).param("i", indicator).param("d", division).query(PlanRepository::value).list();
    }

    Optional<Plan.ReportedValue> value(long planId, String indicator, String division, int year) {
        return jdbc.sql("""
                        select id, indicator_code, division_code, year, value, source, note, version, recorded_by, recorded_at
                          from plan_reported_value where plan_id = :p and indicator_code = :i and division_code = :d and year = :y""")
                .param("p", planId).param("i", indicator).param("d", division).param("y", year).query(PlanRepository::value).optional();
    }

    long insertValue(long planId, Plan.ValueInput v, String actor) {
        return jdbc.sql("""
                        insert into plan_reported_value(plan_id, indicator_code, division_code, year, value, source, note, recorded_by)
                        values (:p, :i, :d, :y, :v, :s, :n, :a) returning id""")
                .param("p", planId).param("i", v.indicatorCode()).param("d", v.divisionCode()).param("y", v.year())
                .param("v", v.value()).param("s", v.source()).param("n", v.note()).param("a", actor).query(Long.class).single();
    }

    boolean updateValue(long id, int version, Plan.ValueInput v, String actor) {
        return jdbc.sql("""
                        update plan_reported_value set value = :v, source = :s, note = :n, recorded_by = :a, recorded_at = now(),
                               version = version + 1 where id = :id and version = :ver""")
                .param("v", v.value()).param("s", v.source()).param("n", v.note()).param("a", actor).param("id", id)
                .param("ver", version).update() == 1;
    }

    private static Plan.ReportedValue value(ResultSet rs, int i) throws SQLException {
        return new Plan.ReportedValue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getDouble(5), rs.getString(6),
                rs.getString(7), rs.getInt(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class));
    }
}
