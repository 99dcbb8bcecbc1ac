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

    public IssuedToken issue(long userId) { return issue(userId, null, null); }

    /** A new session for the user, noting the client's address and user agent (for the admin's session list). */
    public IssuedToken issue(long userId, String address, String userAgent) {
        String token = Secrets.newToken("cgt_");
        OffsetDateTime expires = OffsetDateTime.now().plus(ttl);
        jdbc.sql("""
                        insert into auth_token(token_hash, user_id, expires_at, client_address, user_agent)
                        values (:h, :u, :e, :a, :ua)""")
                .param("h", Secrets.sha256(token)).param("u", userId).param("e", expires).param("a", address)
                .param("ua", userAgent == null ? null : userAgent.length() > 200 ? userAgent.substring(0, 200) : userAgent).update();
        return new IssuedToken(token, expires);
    }

    /** A session as an administrator sees it: never the token itself. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "SessionInfo")
    public record Session(long id, String username, OffsetDateTime createdAt, OffsetDateTime expiresAt, String clientAddress,
                          String userAgent) {}

    /** Unexpired sessions, newest first; {@code username} null for everyone's. */
    public java.util.List<Session> sessions(String username, int limit) {
        return jdbc.sql("""
                        select t.id, u.username, t.created_at, t.expires_at, t.client_address, t.user_agent
                          from auth_token t join app_user u on u.id = t.user_id
                         where t.expires_at > now() and (cast(:u as text) is null or u.username = :u)
                         order by t.created_at desc, t.id desc limit :l""")
                .param("u", username).param("l", limit)
                .query((rs, i) -> new Session(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** Ends one session; false when there is none with that id. */
    public boolean revoke(long id) {
        return jdbc.sql("delete from auth_token where id = :id").param("id", id).update() == 1;
    }

    /** Ends every session of a user (password or roles changed, account disabled); returns how many. */
    public int revokeAll(long userId) {
        return jdbc.sql("delete from auth_token where user_id = :u").param("u", userId).update();
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
