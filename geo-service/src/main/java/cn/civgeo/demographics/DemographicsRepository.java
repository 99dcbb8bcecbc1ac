package cn.civgeo.demographics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DemographicsRepository {
    private static final String COLUMNS = """
            division_code, year, population, households, age60, age65, age80, disabled_elderly, semi_disabled_elderly,
            tekun_elderly, urban_rural, cremation_area, source, version, updated_by, updated_at""";

    private final JdbcClient jdbc;

    DemographicsRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    Optional<DemographicsRow> exact(String code, int year) {
        return jdbc.sql("select " + COLUMNS + " from demographics where division_code = :c and year = :y")
                .param("c", code).param("y", year).query(DemographicsRepository::map).optional();
    }

    /** The latest row of a year ≤ year. */
    Optional<DemographicsRow> asOf(String code, int year) {
        return jdbc.sql("select " + COLUMNS + " from demographics where division_code = :c and year <= :y order by year desc limit 1")
                .param("c", code).param("y", year).query(DemographicsRepository::map).optional();
    }

    /** The rows of the given divisions as of year (latest year ≤ year each). */
    List<DemographicsRow> asOf(List<String> codes, int year) {
        if (codes.isEmpty()) return List.of();
        return jdbc.sql("select distinct on (division_code) " + COLUMNS + " " + """
                         from demographics where division_code in (:c) and year <= :y order by division_code, year desc""")
                .param("c", codes).param("y", year).query(DemographicsRepository::map).list();
    }

    List<DemographicsRow> years(String code) {
        return jdbc.sql("select " + COLUMNS + " from demographics where division_code = :c order by year")
                .param("c", code).query(DemographicsRepository::map).list();
    }

    record Replaced(long id, int year, String rowBefore, String replacedBy, OffsetDateTime replacedAt, Long importId) {}

    List<Replaced> history(String code) {
        return jdbc.sql("""
                        select id, year, row_before::text, replaced_by, replaced_at, import_id from demographics_history
                         where division_code = :c order by year, id""").param("c", code)
                .query((rs, i) -> new Replaced(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), (Long) rs.getObject(6))).list();
    }

    /** Writes the row (insert, or replace keeping the old one in history). Answers false on a stale version. */
    boolean upsert(DemographicsRow r, Integer expectedVersion, String actor, Long importId) {
        Optional<DemographicsRow> old = exact(r.divisionCode(), r.year());
        if (old.isPresent()) {
            if (expectedVersion != null && !expectedVersion.equals(old.get().version())) return false;
            jdbc.sql("""
                    insert into demographics_history(division_code, year, row_before, replaced_by, import_id)
                    select division_code, year, to_jsonb(d) - 'division_code' - 'year', :a, :i from demographics d
                     where division_code = :c and year = :y""")
                    .param("a", actor).param("i", importId).param("c", r.divisionCode()).param("y", r.year()).update();
            return bind(jdbc.sql("""
                    update demographics set population = :pop, households = :hh, age60 = :a60, age65 = :a65, age80 = :a80,
                           disabled_elderly = :dis, semi_disabled_elderly = :semi, tekun_elderly = :tk, urban_rural = :ur,
                           cremation_area = :cr, source = :src, import_id = :imp, version = version + 1, updated_by = :by,
                           updated_at = now()
                     where division_code = :c and year = :y and version = :v"""), r, actor, importId)
                    .param("v", old.get().version()).update() == 1;
        }
        if (expectedVersion != null && expectedVersion != 0) return false;
        return bind(jdbc.sql("""
                insert into demographics(division_code, year, population, households, age60, age65, age80, disabled_elderly,
                       semi_disabled_elderly, tekun_elderly, urban_rural, cremation_area, source, import_id, updated_by)
                values (:c, :y, :pop, :hh, :a60, :a65, :a80, :dis, :semi, :tk, :ur, :cr, :src, :imp, :by)"""), r, actor, importId)
                .update() == 1;
    }

    long insertImport(String filename, String mode, String actor, int accepted, int rejected, String findingsJson) {
        return jdbc.sql("""
                        insert into demographics_import(filename, mode, created_by, accepted, rejected, findings)
                        values (:f, :m, :a, :ok, :bad, cast(:j as jsonb)) returning id""")
                .param("f", filename).param("m", mode).param("a", actor).param("ok", accepted).param("bad", rejected)
                .param("j", findingsJson).query(Long.class).single();
    }

    void setImportId(long importId, List<String[]> keys) {
        for (String[] k : keys) {
            jdbc.sql("update demographics set import_id = :i where division_code = :c and year = :y")
                    .param("i", importId).param("c", k[0]).param("y", Integer.parseInt(k[1])).update();
        }
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, DemographicsRow r, String actor, Long importId) {
        return s.param("c", r.divisionCode()).param("y", r.year()).param("pop", r.population()).param("hh", r.households())
                .param("a60", r.age60()).param("a65", r.age65()).param("a80", r.age80()).param("dis", r.disabledElderly())
                .param("semi", r.semiDisabledElderly()).param("tk", r.tekunElderly()).param("ur", r.urbanRural())
                .param("cr", r.cremationArea()).param("src", r.source()).param("imp", importId).param("by", actor);
    }

    static DemographicsRow map(ResultSet rs, int i) throws SQLException {
        return new DemographicsRow(rs.getString("division_code"), rs.getInt("year"), (Integer) rs.getObject("population"),
                (Integer) rs.getObject("households"), (Integer) rs.getObject("age60"), (Integer) rs.getObject("age65"),
                (Integer) rs.getObject("age80"), (Integer) rs.getObject("disabled_elderly"),
                (Integer) rs.getObject("semi_disabled_elderly"), (Integer) rs.getObject("tekun_elderly"),
                rs.getString("urban_rural"), (Boolean) rs.getObject("cremation_area"), rs.getString("source"),
                rs.getInt("version"), rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
