package cn.civgeo.security;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code auth_token} table (a token's SHA-256 only), joined to {@code app_user} for whom it speaks for. */
@Repository
class TokenRepository {
    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    void insert(String tokenHash, long userId, OffsetDateTime expiresAt, String clientAddress, String userAgent) {
        jdbc.sql("""
                        insert into auth_token(token_hash, user_id, expires_at, client_address, user_agent)
                        values (:h, :u, :e, :a, :ua)""")
                .param("h", tokenHash).param("u", userId).param("e", expiresAt).param("a", clientAddress)
                .param("ua", userAgent).update();
    }

    /** Unexpired sessions, newest first; {@code username} null for everyone's. */
    List<TokenService.Session> sessions(String username, int limit) {
        return jdbc.sql("""
                        select t.id, u.username, t.created_at, t.expires_at, t.client_address, t.user_agent
                          from auth_token t join app_user u on u.id = t.user_id
                         where t.expires_at > now() and (cast(:u as text) is null or u.username = :u)
                         order by t.created_at desc, t.id desc limit :l""")
                .param("u", username).param("l", limit)
                .query((rs, i) -> new TokenService.Session(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** How many rows went: 1 when the session existed. */
    int deleteById(long id) {
        return jdbc.sql("delete from auth_token where id = :id").param("id", id).update();
    }

    int deleteOfUser(long userId) {
        return jdbc.sql("delete from auth_token where user_id = :u").param("u", userId).update();
    }

    /** The enabled user owning the unexpired token with this SHA-256, and its roles. */
    Optional<TokenService.TokenUser> enabledUserOf(String tokenHash) {
        return jdbc.sql("""
                        select u.username, u.roles from auth_token t join app_user u on u.id = t.user_id
                         where t.token_hash = :h and t.expires_at > now() and u.enabled""")
                .param("h", tokenHash)
                .query((rs, i) -> new TokenService.TokenUser(rs.getString(1), java.util.Arrays.asList((String[]) rs.getArray(2).getArray())))
                .optional();
    }

    /** The token with this SHA-256, and every expired one. */
    void deleteTokenAndExpired(String tokenHash) {
        jdbc.sql("delete from auth_token where token_hash = :h or expires_at < now()").param("h", tokenHash).update();
    }
}
