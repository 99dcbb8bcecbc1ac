package cn.civgeo.security;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_client} table (keys stored as their SHA-256), and the active division codes a default area may name. */
@Repository
class ApiClientRepository {
    private static final String COLUMNS = "id, name, key_prefix, rate_limit_per_minute, enabled, version, created_at, default_division";

    private final JdbcClient jdbc;

    ApiClientRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    long insert(String name, String keyHash, String keyPrefix, Integer rateLimitPerMinute) {
        return jdbc.sql("""
                        insert into api_client(name, key_hash, key_prefix, rate_limit_per_minute)
                        values (:n, :h, :p, :r) returning id""")
                .param("n", name).param("h", keyHash).param("p", keyPrefix)
                .param("r", rateLimitPerMinute).query(Long.class).single();
    }

    /** 1 when updated, 0 when the version is stale (or there is no such client). */
    int updateLimitAndEnabled(long id, int version, Integer rateLimitPerMinute, boolean enabled) {
        return jdbc.sql("""
                        update api_client set rate_limit_per_minute = :r, enabled = :e, version = version + 1,
                               updated_at = now() where id = :id and version = :v""")
                .param("r", rateLimitPerMinute)
                .param("e", enabled).param("id", id).param("v", version)
                .update();
    }

    boolean isActiveDivision(String code) {
        return jdbc.sql("select count(*) from division_read division where code = :c and status = 'active'").param("c", code)
                .query(Integer.class).single() != 0;
    }

    /** 1 when updated, 0 when the version is stale (or there is no such client). */
    int updateDefaultDivision(long id, int version, String code) {
        return jdbc.sql("""
                        update api_client set default_division = :d, version = version + 1, updated_at = now()
                         where id = :id and version = :v""")
                .param("d", code).param("id", id).param("v", version).update();
    }

    Optional<ApiClient> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from api_client where id = :id").param("id", id).query(ApiClientRepository::map)
                .optional();
    }

    Optional<ApiClient> byName(String name) {
        return jdbc.sql("select " + COLUMNS + " from api_client where name = :n").param("n", name)
                .query(ApiClientRepository::map).optional();
    }

    List<ApiClient> all() {
        return jdbc.sql("select " + COLUMNS + " from api_client order by name").query(ApiClientRepository::map).list();
    }

    /** The enabled client whose key has this SHA-256. */
    Optional<ApiClient> enabledByKeyHash(String keyHash) {
        return jdbc.sql("select " + COLUMNS + " from api_client where key_hash = :h and enabled")
                .param("h", keyHash).query(ApiClientRepository::map).optional();
    }

    private static ApiClient map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        // getObject, not getInt + wasNull: wasNull answers for the last column read, which was not this one.
        Integer limit = rs.getObject("rate_limit_per_minute", Integer.class);
        return new ApiClient(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"), limit, rs.getBoolean("enabled"), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("default_division"));
    }
}
