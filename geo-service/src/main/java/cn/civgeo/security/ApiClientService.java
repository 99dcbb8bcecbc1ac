package cn.civgeo.security;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API clients (other systems) and their keys; a key is shown once, when created. */
@Service
public class ApiClientService {
    static final String ENTITY = "api_client";
    private static final String COLUMNS = "id, name, key_prefix, rate_limit_per_minute, enabled, version, created_at, default_division";

    private final JdbcClient jdbc;
    private final AuditService audit;

    public ApiClientService(JdbcClient jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record NewClient(String name, Integer rateLimitPerMinute, String key) {}

    public record CreatedClient(ApiClient client, String apiKey) {}

    public record ClientChange(Integer version, Integer rateLimitPerMinute, Boolean enabled) {}

    /** A new default area: a division code of 6, 9 or 12 digits, or null to clear it. */
    public record DefaultArea(Integer version, String defaultDivision) {}

    /** {@code key} may be given (demo data documents a fixed key); otherwise a random one is made. */
    @Transactional
    public CreatedClient create(NewClient c) {
        Validation v = new Validation();
        v.require(c.name() != null && !c.name().isBlank() && c.name().length() <= 100, "name", "must be 1 to 100 characters");
        v.require(c.rateLimitPerMinute() == null || c.rateLimitPerMinute() > 0, "rateLimitPerMinute", "must be positive");
        v.require(c.key() == null || c.key().length() >= 16, "key", "must be at least 16 characters");
        v.throwIfInvalid();
        if (byName(c.name()).isPresent()) throw ApiException.duplicate("API client " + c.name() + " already exists");
        String key = c.key() == null ? Secrets.newToken("cgk_") : c.key();
        long id = jdbc.sql("""
                        insert into api_client(name, key_hash, key_prefix, rate_limit_per_minute)
                        values (:n, :h, :p, :r) returning id""")
                .param("n", c.name().strip()).param("h", Secrets.sha256(key)).param("p", key.substring(0, 8))
                .param("r", c.rateLimitPerMinute()).query(Long.class).single();
        ApiClient created = get(id);
        audit.created(ENTITY, id, created);
        return new CreatedClient(created, key);
    }

    @Transactional
    public ApiClient update(long id, ClientChange c) {
        new Validation().require(c.version() != null, "version", "is required: send the version you read")
                .require(c.rateLimitPerMinute() == null || c.rateLimitPerMinute() > 0, "rateLimitPerMinute", "must be positive")
                .throwIfInvalid();
        ApiClient before = get(id);
        int n = jdbc.sql("""
                        update api_client set rate_limit_per_minute = :r, enabled = :e, version = version + 1,
                               updated_at = now() where id = :id and version = :v""")
                .param("r", c.rateLimitPerMinute() == null ? before.rateLimitPerMinute() : c.rateLimitPerMinute())
                .param("e", c.enabled() == null ? before.enabled() : c.enabled()).param("id", id).param("v", c.version())
                .update();
        if (n != 1) throw ApiException.staleVersion("API client", id, c.version());
        ApiClient after = get(id);
        audit.updated(ENTITY, id, before, after);
        return after;
    }

    /** Sets or clears the client's default area (checked against the division table); 409 on a stale version. */
    @Transactional
    public ApiClient setDefaultDivision(long id, DefaultArea c) {
        String code = c.defaultDivision() == null || c.defaultDivision().isBlank() ? null : c.defaultDivision().strip();
        Validation v = new Validation().require(c.version() != null, "version", "is required: send the version you read")
                .require(code == null || code.matches("\\d{6}|\\d{9}|\\d{12}"), "defaultDivision", "must be a division code of 6, 9 or 12 digits");
        v.throwIfInvalid();
        if (code != null && jdbc.sql("select count(*) from division_read division where code = :c and status = 'active'").param("c", code)
                .query(Integer.class).single() == 0) {
            new Validation().require(false, "defaultDivision", "is not an active division code").throwIfInvalid();
        }
        ApiClient before = get(id);
        int n = jdbc.sql("""
                        update api_client set default_division = :d, version = version + 1, updated_at = now()
                         where id = :id and version = :v""")
                .param("d", code).param("id", id).param("v", c.version()).update();
        if (n != 1) throw ApiException.staleVersion("API client", id, c.version());
        ApiClient after = get(id);
        audit.updated(ENTITY, id, before, after);
        return after;
    }

    public ApiClient get(long id) {
        return jdbc.sql("select " + COLUMNS + " from api_client where id = :id").param("id", id).query(ApiClientService::map)
                .optional().orElseThrow(() -> ApiException.notFound("API client", id));
    }

    public Optional<ApiClient> byName(String name) {
        return jdbc.sql("select " + COLUMNS + " from api_client where name = :n").param("n", name)
                .query(ApiClientService::map).optional();
    }

    public List<ApiClient> all() {
        return jdbc.sql("select " + COLUMNS + " from api_client order by name").query(ApiClientService::map).list();
    }

    /** The enabled client for a presented key. */
    public Optional<ApiClient> byKey(String key) {
        return jdbc.sql("select " + COLUMNS + " from api_client where key_hash = :h and enabled")
                .param("h", Secrets.sha256(key)).query(ApiClientService::map).optional();
    }

    private static ApiClient map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        // getObject, not getInt + wasNull: wasNull answers for the last column read, which was not this one.
        Integer limit = rs.getObject("rate_limit_per_minute", Integer.class);
        return new ApiClient(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"), limit, rs.getBoolean("enabled"), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("default_division"));
    }
}
