package cn.civgeo.security;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API clients (other systems) and their keys; a key is shown once, when created. */
@Service
class ApiClientService {
    static final String ENTITY = "api_client";

    private final ApiClientRepository clients;
    private final AuditService audit;

    ApiClientService(ApiClientRepository clients, AuditService audit) {
        this.clients = clients;
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
        long id = clients.insert(c.name().strip(), Secrets.sha256(key), key.substring(0, 8), c.rateLimitPerMinute());
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
        int n = clients.updateLimitAndEnabled(id, c.version(),
                c.rateLimitPerMinute() == null ? before.rateLimitPerMinute() : c.rateLimitPerMinute(),
                c.enabled() == null ? before.enabled() : c.enabled());
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
        if (code != null && !clients.isActiveDivision(code)) {
            new Validation().require(false, "defaultDivision", "is not an active division code").throwIfInvalid();
        }
        ApiClient before = get(id);
        int n = clients.updateDefaultDivision(id, c.version(), code);
        if (n != 1) throw ApiException.staleVersion("API client", id, c.version());
        ApiClient after = get(id);
        audit.updated(ENTITY, id, before, after);
        return after;
    }

    public ApiClient get(long id) {
        return clients.byId(id).orElseThrow(() -> ApiException.notFound("API client", id));
    }

    public Optional<ApiClient> byName(String name) {
        return clients.byName(name);
    }

    public List<ApiClient> all() {
        return clients.all();
    }

    /** The enabled client for a presented key. */
    public Optional<ApiClient> byKey(String key) {
        return clients.enabledByKeyHash(Secrets.sha256(key));
    }
}
