package cn.civgeo.security;

import cn.civgeo.common.ProblemType;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** HTTP Basic goes through the same throttled, constant-time, audited check as {@code POST /api/auth/login}. */
class BasicSignIn implements AuthenticationProvider {
    /** A Basic sign-in refused because the account or address is locked: answered 429 with Retry-After. */
    static final class Throttled extends AuthenticationException {
        final long retryAfterSeconds;

        Throttled(String msg, long retryAfterSeconds) {
            super(msg);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    private final SignInService signIn;

    BasicSignIn(SignInService signIn) { this.signIn = signIn; }

    @Override
    public Authentication authenticate(Authentication a) {
        String address = a.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        try {
            UserAccount u = signIn.authenticate(a.getName(), String.valueOf(a.getCredentials()), address);
            List<SimpleGrantedAuthority> roles = u.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
            return UsernamePasswordAuthenticationToken.authenticated(u.username(), null, roles);
        } catch (SignInService.Refused e) {
            if (e.type() == ProblemType.RATE_LIMITED) throw new Throttled(e.getMessage(), e.retryAfterSeconds());
            throw new BadCredentialsException(e.getMessage());
        }
    }

    @Override
    public boolean supports(Class<?> type) { return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type); }
}
