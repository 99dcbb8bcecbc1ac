package cn.civgeo.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {
    private static final String COLUMNS = "id, username, display_name, password_hash, roles, enabled, version, created_at, updated_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    Optional<UserAccount> byUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = :u").param("u", username)
                .query(UserRepository::map).optional();
    }

    Optional<UserAccount> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = :id").param("id", id)
                .query(UserRepository::map).optional();
    }

    List<UserAccount> all() {
        return jdbc.sql("select " + COLUMNS + " from app_user order by username").query(UserRepository::map).list();
    }

    boolean anyAdmin() {
        return jdbc.sql("select exists(select 1 from app_user where 'ADMIN' = any(roles) and enabled)")
                .query(Boolean.class).single();
    }

    long insert(String username, String displayName, String hash, List<String> roles) {
        return jdbc.sql("""
                        insert into app_user(username, display_name, password_hash, roles)
                        values (:u, :d, :h, cast(:r as text[])) returning id""")
                .param("u", username).param("d", displayName).param("h", hash).param("r", pgArray(roles))
                .query(Long.class).single();
    }

    /** Returns false when the row is not at {@code version} (someone else changed it). */
    boolean update(long id, int version, String displayName, String hash, List<String> roles, boolean enabled) {
        return jdbc.sql("""
                        update app_user set display_name = :d, password_hash = :h, roles = cast(:r as text[]),
                               enabled = :e, version = version + 1, updated_at = now()
                         where id = :id and version = :v""")
                .param("d", displayName).param("h", hash).param("r", pgArray(roles)).param("e", enabled)
                .param("id", id).param("v", version).update() == 1;
    }

    private static String pgArray(List<String> roles) {
        return "{" + String.join(",", roles) + "}";
    }

    private static UserAccount map(ResultSet rs, int i) throws SQLException {
        Array roles = rs.getArray("roles");
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), Arrays.asList((String[]) roles.getArray()), rs.getBoolean("enabled"),
                rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
