package cn.civgeo.security;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.ProblemType;
import cn.civgeo.common.Validation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
    private final UserService users;
    private final TokenService tokens;

    AuthController(UserService users, TokenService tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    record Login(String username, String password) {}

    record Session(String token, OffsetDateTime expiresAt, String username, String displayName, List<String> roles) {}

    record Me(String name, List<String> roles) {}

    @PostMapping("/login")
    @Operation(summary = "Exchange user name and password for a bearer token")
    Session login(@RequestBody Login login) {
        new Validation().notBlank(login.username(), "username").notBlank(login.password(), "password").throwIfInvalid();
        UserAccount u = users.authenticate(login.username(), login.password())
                .orElseThrow(() -> new ApiException(ProblemType.UNAUTHENTICATED, "Wrong user name or password"));
        TokenService.IssuedToken t = tokens.issue(u.id());
        return new Session(t.token(), t.expiresAt(), u.username(), u.displayName(), u.roles());
    }

    @GetMapping("/me")
    Me me(Authentication auth) {
        if (auth == null) return new Me(null, List.of());
        return new Me(auth.getName(), auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.replaceFirst("^ROLE_", "")).toList());
    }

    @PostMapping("/logout")
    void logout(@RequestHeader(value = "Authorization", required = false) String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.revoke(authorization.substring(7).trim());
        }
    }
}
