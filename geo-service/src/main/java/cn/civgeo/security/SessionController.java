package cn.civgeo.security;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sessions (issued bearer tokens) and sign-in lockouts, for administrators. */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "Sign-in")
@PreAuthorize("hasRole('ADMIN')")
class SessionController {
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final AuditService audit;

    SessionController(TokenService tokens, LoginThrottle throttle, AuditService audit) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
    }

    @GetMapping("/sessions")
    @Operation(summary = "Open sessions (never the tokens), newest first; filter by username")
    List<TokenService.Session> sessions(@RequestParam(required = false) String username,
                                        @RequestParam(required = false) Integer limit) {
        int l = limit == null ? 200 : limit;
        new Validation().require(l >= 1 && l <= 1000, "limit", "must be between 1 and 1000").throwIfInvalid();
        return tokens.sessions(username, l);
    }

    @DeleteMapping("/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    @Operation(summary = "End a session: its token stops working at once")
    void revoke(@PathVariable long id) {
        if (!tokens.revoke(id)) throw ApiException.notFound("Session", id);
        audit.record(AuditService.Action.REVOKE, "auth_token", id, null, Map.of("reason", "revoked by an administrator"));
    }

    @DeleteMapping("/lockouts")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    @Operation(summary = "Lift a sign-in lockout of an account (username) and/or a client address")
    void unlock(@RequestParam(required = false) String username, @RequestParam(required = false) String address) {
        new Validation().require(username != null || address != null, "username", "name a username or an address").throwIfInvalid();
        if (!throttle.unlock(username, address)) throw ApiException.notFound("Lockout", username != null ? username : address);
        audit.record(AuditService.Action.UPDATE, SignInService.ENTITY, username != null ? username : address, null,
                Map.of("unlocked", true));
    }
}
