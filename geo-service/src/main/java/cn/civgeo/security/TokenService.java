package cn.civgeo.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Opaque bearer tokens for the web map and scripts; only their SHA-256 is stored. */
@Service
class TokenService {
    private final TokenRepository tokens;
    private final Duration ttl;

    TokenService(TokenRepository tokens, @Value("${civgeo.security.token-ttl}") Duration ttl) {
        this.tokens = tokens;
        this.ttl = ttl;
    }

    public record IssuedToken(String token, OffsetDateTime expiresAt) {}

    public IssuedToken issue(long userId) { return issue(userId, null, null); }

    /** A new session for the user, noting the client's address and user agent (for the admin's session list). */
    public IssuedToken issue(long userId, String address, String userAgent) {
        String token = Secrets.newToken("cgt_");
        OffsetDateTime expires = OffsetDateTime.now().plus(ttl);
        tokens.insert(Secrets.sha256(token), userId, expires, address,
                userAgent == null ? null : userAgent.length() > 200 ? userAgent.substring(0, 200) : userAgent);
        return new IssuedToken(token, expires);
    }

    /** A session as an administrator sees it: never the token itself. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "SessionInfo")
    public record Session(long id, String username, OffsetDateTime createdAt, OffsetDateTime expiresAt, String clientAddress,
                          String userAgent) {}

    /** Unexpired sessions, newest first; {@code username} null for everyone's. */
    public java.util.List<Session> sessions(String username, int limit) {
        return tokens.sessions(username, limit);
    }

    /** Ends one session; false when there is none with that id. */
    public boolean revoke(long id) {
        return tokens.deleteById(id) == 1;
    }

    /** Ends every session of a user (password or roles changed, account disabled); returns how many. */
    public int revokeAll(long userId) {
        return tokens.deleteOfUser(userId);
    }

    /** Who a request's bearer token speaks for: the user's name and roles. */
    public record TokenUser(String username, java.util.List<String> roles) {}

    /** The enabled user owning an unexpired token, with its roles (one query: every signed-in request pays it). */
    public Optional<TokenUser> userFor(String token) {
        return tokens.enabledUserOf(Secrets.sha256(token));
    }

    public void revoke(String token) {
        tokens.deleteTokenAndExpired(Secrets.sha256(token));
    }
}
