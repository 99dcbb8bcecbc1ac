package cn.civgeo.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Opaque bearer tokens for the web map and scripts; only their SHA-256 is stored. */
@Service
public class TokenService {
    private final JdbcClient jdbc;
    private final Duration ttl;

    public TokenService(JdbcClient jdbc, @Value("${civgeo.security.token-ttl}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttl = ttl;
    }

    public record IssuedToken(String token, OffsetDateTime expiresAt) {}

    public IssuedToken issue(long userId) {
        String token = Secrets.newToken("cgt_");
        OffsetDateTime expires = OffsetDateTime.now().plus(ttl);
        jdbc.sql("insert into auth_token(token_hash, user_id, expires_at) values (:h, :u, :e)")
                .param("h", Secrets.sha256(token)).param("u", userId).param("e", expires).update();
        return new IssuedToken(token, expires);
    }

    /** Who a request's bearer token speaks for: the user's name and roles. */
    public record TokenUser(String username, java.util.List<String> roles) {}

    /** The enabled user owning an unexpired token, with its roles (one query: every signed-in request pays it). */
    public Optional<TokenUser> userFor(String token) {
        return jdbc.sql("""
                        select u.username, u.roles from auth_token t join app_user u on u.id = t.user_id
                         where t.token_hash = :h and t.expires_at > now() and u.enabled""")
                .param("h", Secrets.sha256(token))
                .query((rs, i) -> new TokenUser(rs.getString(1), java.util.Arrays.asList((String[]) rs.getArray(2).getArray())))
                .optional();
    }

    public void revoke(String token) {
        jdbc.sql("delete from auth_token where token_hash = :h or expires_at < now()").param("h", Secrets.sha256(token)).update();
    }
}
