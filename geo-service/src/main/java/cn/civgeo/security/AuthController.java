package cn.civgeo.security;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.Validation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
@Tag(name = "Sign-in")
class AuthController {
    private final SignInService signIn;
    private final TokenService tokens;
    private final AuditService audit;

    AuthController(SignInService signIn, TokenService tokens, AuditService audit) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.audit = audit;
    }

    record Login(String username, String password) {}

    record Session(String token, OffsetDateTime expiresAt, String username, String displayName, List<String> roles) {}

    record Me(String name, List<String> roles) {}

    @PostMapping("/login")
    @Operation(summary = "Exchange user name and password for a bearer token; repeated failures lock the account and the "
            + "client address for a while (429 with Retry-After, doubling each time)")
    Session login(@RequestBody Login login, HttpServletRequest req) {
        new Validation().notBlank(login.username(), "username").notBlank(login.password(), "password")
                .require(login.username() == null || login.username().length() <= 64, "username", "must be at most 64 characters")
                .require(login.password() == null || login.password().length() <= 128, "password", "must be at most 128 characters")
                .throwIfInvalid();
        UserAccount u = signIn.authenticate(login.username(), login.password(), req.getRemoteAddr());
        TokenService.IssuedToken t = tokens.issue(u.id(), req.getRemoteAddr(), req.getHeader("User-Agent"));
        return new Session(t.token(), t.expiresAt(), u.username(), u.displayName(), u.roles());
    }

    @GetMapping("/me")
    Me me(Authentication auth) {
        if (auth == null) return new Me(null, List.of());
        return new Me(auth.getName(), auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.replaceFirst("^ROLE_", "")).toList());
    }

    @PostMapping("/logout")
    void logout(@RequestHeader(value = "Authorization", required = false) String authorization, Authentication auth,
                HttpServletRequest req) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.revoke(authorization.substring(7).trim());
            if (auth != null) {
                audit.event(AuditService.Action.LOGOUT, auth.getName(), SignInService.ENTITY, auth.getName(),
                        java.util.Map.of("clientAddress", String.valueOf(req.getRemoteAddr())));
            }
        }
    }
}
