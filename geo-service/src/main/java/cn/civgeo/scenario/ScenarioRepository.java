package cn.civgeo.scenario;

import cn.civgeo.scenario.ScenarioService.Change;
import cn.civgeo.scenario.ScenarioService.Scenario;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code scenario} table (changes as JSON, kinds and promoted facility ids as arrays), and division codes that exist. */
@Repository
class ScenarioRepository {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ScenarioRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The newest 200 scenarios of divisions starting with {@code division} (null: all). */
    List<Scenario> list(String division) {
        return jdbc.sql("select * from scenario where (cast(:d as text) is null or division_code like :d || '%') order by id desc limit 200")
                .param("d", division).query((rs, i) -> row(rs)).list();
    }

    Optional<Scenario> find(long id) {
        return jdbc.sql("select * from scenario where id = :id").param("id", id).query((rs, i) -> row(rs)).optional();
    }

    /** Locks the scenario's row until the transaction ends; false when there is none. */
    boolean lock(long id) {
        return jdbc.sql("select id from scenario where id = :id for update").param("id", id).query(Long.class).optional().isPresent();
    }

    long insert(String name, String division, List<String> kinds, String description, List<Change> changes, String createdBy) {
        return jdbc.sql("""
                        insert into scenario(name, division_code, kinds, description, changes, created_by)
                        values (:n, :d, cast(:k as text[]), :desc, cast(:c as jsonb), :by) returning id""")
                .param("n", name).param("d", division).param("k", "{" + String.join(",", kinds) + "}")
                .param("desc", description).param("c", json.writeValueAsString(changes))
                .param("by", createdBy).query(Long.class).single();
    }

    void update(long id, String name, String division, List<String> kinds, String description, List<Change> changes) {
        jdbc.sql("""
                        update scenario set name = :n, division_code = :d, kinds = cast(:k as text[]), description = :desc,
                               changes = cast(:c as jsonb), version = version + 1, updated_at = now() where id = :id""")
                .param("n", name).param("d", division).param("k", "{" + String.join(",", kinds) + "}")
                .param("desc", description).param("c", json.writeValueAsString(changes))
                .param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from scenario where id = :id").param("id", id).update();
    }

    void markPromoted(long id, List<Long> facilityIds) {
        jdbc.sql("update scenario set status = 'promoted', promoted_facility_ids = cast(:ids as bigint[]), version = version + 1, updated_at = now() where id = :id")
                .param("ids", "{" + String.join(",", facilityIds.stream().map(String::valueOf).toList()) + "}").param("id", id).update();
    }

    boolean divisionExists(String code) {
        return !jdbc.sql("select not exists(select 1 from division_read division where code = :c)").param("c", code).query(Boolean.class).single();
    }

    private Scenario row(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Array k = rs.getArray("kinds"), p = rs.getArray("promoted_facility_ids");
        List<Long> promoted = p == null ? List.of() : java.util.Arrays.stream((Long[]) p.getArray()).toList();
        return new Scenario(rs.getLong("id"), rs.getString("name"), rs.getString("division_code"), List.of((String[]) k.getArray()),
                rs.getString("description"), json.readValue(rs.getString("changes"), new TypeReference<List<Change>>() {}),
                rs.getString("status"), promoted, rs.getInt("version"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
