package cn.civgeo.security;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.ProblemType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checking a user name and password, for {@code POST /api/auth/login} and HTTP Basic alike: throttled
 * ({@link LoginThrottle}, 429 with Retry-After while locked), answered in the same time whether the user exists
 * or not (an unknown or disabled user still costs one bcrypt check against a dummy hash), and audited
 * (LOGIN, LOGIN_FAILED, LOCKOUT under entity {@value #ENTITY}).
 */
@Service
class SignInService {
    static final String ENTITY = "auth";

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final AuditService audit;
    private final String dummyHash;

    public SignInService(UserRepository users, PasswordEncoder encoder, LoginThrottle throttle, AuditService audit) {
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.audit = audit;
        this.dummyHash = encoder.encode(Secrets.newToken("dummy-"));
    }

    /** Refused sign-in: 401 for a wrong name or password, 429 (with {@link #retryAfterSeconds()}) while locked. */
    public static final class Refused extends ApiException {
        private final long retryAfter;

        Refused(ProblemType type, String detail, long retryAfter) {
            super(type, detail, List.of(), retryAfter > 0 ? Map.of("retryAfterSeconds", retryAfter) : Map.of());
            this.retryAfter = retryAfter;
        }

        public long retryAfterSeconds() { return retryAfter; }
    }

    /** The enabled user whose password this is; otherwise {@link Refused}. */
    public UserAccount authenticate(String username, String password, String address) {
        long locked = throttle.retryAfterSeconds(username, address);
        if (locked > 0) {
            audit.event(AuditService.Action.LOGIN_FAILED, username, ENTITY, username, details(address, "locked"));
            throw lockedOut(locked);
        }
        Optional<UserAccount> found = username == null ? Optional.empty() : users.byUsername(username);
        // Always one bcrypt check, so an unknown or disabled user answers as slowly as a real one.
        boolean matches = encoder.matches(password == null ? "" : password, found.map(UserAccount::passwordHash).orElse(dummyHash));
        if (found.isPresent() && found.get().enabled() && matches) {
            throttle.succeeded(username);
            audit.event(AuditService.Action.LOGIN, found.get().username(), ENTITY, found.get().username(), details(address, null));
            return found.get();
        }
        long lock = throttle.failed(username, address);
        audit.event(AuditService.Action.LOGIN_FAILED, username, ENTITY, username,
                details(address, found.isEmpty() ? "unknown user" : !found.get().enabled() ? "disabled" : "wrong password"));
        if (lock > 0) {
            audit.event(AuditService.Action.LOCKOUT, username, ENTITY, username, details(address, "locked for " + lock + " s"));
            throw lockedOut(lock);
        }
        throw new Refused(ProblemType.UNAUTHENTICATED, "Wrong user name or password", 0);
    }

    private static Refused lockedOut(long seconds) {
        return new Refused(ProblemType.RATE_LIMITED, "Too many failed sign-ins for this account or address; try again in "
                + seconds + " s", seconds);
    }

    private static Map<String, Object> details(String address, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clientAddress", address);
        if (reason != null) m.put("reason", reason);
        return m;
    }
}
