package cn.civgeo.placename;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The naming-rule exemptions ({@code place_name_exemption}): a name exempt from one rule, with the reason. */
@Repository
class ExemptionRepository {
    private static final String COLUMNS = "select id, name, rule, reason, created_by from place_name_exemption";
    private static final RowMapper<Exemption> ROW =
            (rs, i) -> new Exemption(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));

    /** An exemption as the API shows it. */
    record Exemption(Long id, String name, String rule, String reason, String createdBy) {}

    private final JdbcClient jdbc;

    ExemptionRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    List<Exemption> all() { return jdbc.sql(COLUMNS + " order by name, rule").query(ROW).list(); }

    Optional<Exemption> find(long id) { return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(ROW).list().stream().findFirst(); }

    boolean exists(String name, String rule) {
        return jdbc.sql("select count(*) from place_name_exemption where name = :n and rule = :r").param("n", name).param("r", rule)
                .query(Integer.class).single() > 0;
    }

    /** Inserts one and returns its id. */
    long insert(String name, String rule, String reason, String createdBy) {
        return jdbc.sql("insert into place_name_exemption(name, rule, reason, created_by) values (:n, :r, :reason, :by) returning id")
                .param("n", name).param("r", rule).param("reason", reason).param("by", createdBy).query(Long.class).single();
    }

    void delete(long id) { jdbc.sql("delete from place_name_exemption where id = :id").param("id", id).update(); }
}
