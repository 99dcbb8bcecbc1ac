package cn.civgeo.security;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService {
    static final String ENTITY = "user";
    private static final List<String> ROLE_NAMES = Arrays.stream(Role.values()).map(Enum::name).toList();

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditService audit;
    private final TokenService tokens;

    public UserService(UserRepository users, PasswordEncoder encoder, AuditService audit, TokenService tokens) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.tokens = tokens;
    }

    public record NewUser(String username, String displayName, String password, List<String> roles) {}

    public record UserChange(Integer version, String displayName, String password, List<String> roles, Boolean enabled) {}

    @Transactional
    public UserAccount create(NewUser u) {
        Validation v = new Validation();
        v.require(u.username() != null && u.username().matches("[A-Za-z0-9_.-]{3,64}"), "username",
                "must be 3-64 letters, digits, '_', '.' or '-'");
        checkPassword(v, u.password(), true);
        checkRoles(v, u.roles());
        v.throwIfInvalid();
        if (users.byUsername(u.username()).isPresent()) throw ApiException.duplicate("User " + u.username() + " already exists");
        String display = u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName().strip();
        long id = users.insert(u.username(), display, encoder.encode(u.password()), u.roles());
        UserAccount created = users.byId(id).orElseThrow();
        audit.created(ENTITY, id, created);
        return created;
    }

    @Transactional
    public UserAccount update(long id, UserChange c) {
        Validation v = new Validation();
        v.require(c.version() != null, "version", "is required: send the version you read");
        if (c.password() != null) checkPassword(v, c.password(), true);
        if (c.roles() != null) checkRoles(v, c.roles());
        v.throwIfInvalid();
        UserAccount before = get(id);
        String display = c.displayName() == null ? before.displayName() : c.displayName().strip();
        String hash = c.password() == null ? before.passwordHash() : encoder.encode(c.password());
        List<String> roles = c.roles() == null ? before.roles() : c.roles();
        boolean enabled = c.enabled() == null ? before.enabled() : c.enabled();
        if (!users.update(id, c.version(), display, hash, roles, enabled)) throw ApiException.staleVersion("User", id, c.version());
        UserAccount after = get(id);
        audit.updated(ENTITY, id, before, after);
        // A new password, other roles or a disabled account end every session: old tokens must not keep old rights.
        boolean rolesChanged = !Set.copyOf(roles).equals(Set.copyOf(before.roles()));
        if (c.password() != null || rolesChanged || before.enabled() && !enabled) {
            int n = tokens.revokeAll(id);
            if (n > 0) {
                audit.record(AuditService.Action.REVOKE, "auth_token", id, null, Map.of("sessions", n,
                        "reason", c.password() != null ? "password changed" : rolesChanged ? "roles changed" : "account disabled"));
            }
        }
        return after;
    }

    public UserAccount get(long id) { return users.byId(id).orElseThrow(() -> ApiException.notFound("User", id)); }

    public List<UserAccount> all() { return users.all(); }

    public Optional<UserAccount> byUsername(String username) { return users.byUsername(username); }

    public boolean anyAdmin() { return users.anyAdmin(); }

    private static void checkPassword(Validation v, String pw, boolean required) {
        if (pw == null) {
            v.require(!required, "password", "is required");
            return;
        }
        v.require(pw.length() >= 8 && pw.length() <= 128, "password", "must be 8 to 128 characters");
    }

    private static void checkRoles(Validation v, List<String> roles) {
        v.require(roles != null && !roles.isEmpty(), "roles", "must name at least one of " + ROLE_NAMES);
        if (roles != null) {
            for (String r : roles) v.require(ROLE_NAMES.contains(r), "roles", "'" + r + "' is not one of " + ROLE_NAMES);
        }
    }
}
