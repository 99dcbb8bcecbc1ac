package cn.civgeo.division.registry;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The registry's COPY into {@code division} for {@link RegistryLoader}: the first load through an owner connection
 * (Flyway's credentials) with the secondary indexes and foreign keys dropped and rebuilt, any later one through a
 * temporary staging table in the application's transaction, inserting only the codes not yet present.
 */
@Repository
class RegistryCopyRepository {
    private static final Logger log = LoggerFactory.getLogger(RegistryCopyRepository.class);

    private final DataSource dataSource;
    private final String ownerUrl;
    private final String ownerUser;
    private final String ownerPassword;

    /** The owner's credentials are Flyway's (migrations run as the schema owner); the first load may use them. */
    RegistryCopyRepository(DataSource dataSource,
                           @Value("${spring.flyway.url:}") String ownerUrl, @Value("${spring.flyway.user:}") String ownerUser,
                           @Value("${spring.flyway.password:}") String ownerPassword) {
        this.dataSource = dataSource;
        this.ownerUrl = ownerUrl;
        this.ownerUser = ownerUser;
        this.ownerPassword = ownerPassword;
    }

    /**
     * Into a table without registry rows (the first load): secondary indexes and the parent check are dropped,
     * the units are COPYed straight into {@code division} while parsing, and indexes are built once at the end
     * (several times faster than maintaining them row by row). Otherwise COPY into a temporary staging table and
     * insert only the codes not yet present (existing rows, perhaps changed by events, are never overwritten).
     */
    RegistryLoader.Result load(java.util.function.Consumer<java.util.function.Consumer<RegistryLoader.Unit>> parse, long t0) {
        // The bulk path drops and rebuilds indexes, which only the table's owner may do. The application role
        // (least privilege) opens a connection of its own as the owner (Flyway's credentials) for it; without one it
        // takes the staging path (about 50 s instead of 15 s for the whole registry: eight indexes kept row by row).
        // The owner's connection looks first: this transaction must not hold a lock on division while it drops.
        try (Connection owner = ownerConnection()) {
            if (owner != null) {
                owner.setAutoCommit(false);
                try (Statement s = owner.createStatement()) {
                    boolean empty = count(s, "select count(*) from division where code not like '99%'") == 0;
                    RegistryLoader.Result r = empty ? copy(owner, true, parse, t0) : null;
                    owner.commit();
                    if (r != null) return r;
                } catch (RuntimeException | SQLException e) {
                    owner.rollback();
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("division registry load failed: " + e.getMessage(), e);
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (Statement s = c.createStatement()) {
            boolean bulk = count(s, "select count(*) from division where code not like '99%'") == 0 && owns(s);
            return copy(c, bulk, parse, t0);
        } catch (SQLException e) {
            throw new IllegalStateException("division registry load failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    private static boolean owns(Statement s) throws SQLException {
        return count(s, "select count(*) from pg_class where oid = 'division'::regclass and pg_has_role(current_user, relowner, 'USAGE')") == 1;
    }

    /** A connection as the schema owner, or null (none configured, the same role, or it cannot connect). */
    private Connection ownerConnection() {
        if (ownerUrl == null || ownerUrl.isBlank() || ownerUser == null || ownerUser.isBlank()) return null;
        try {
            Connection o = java.sql.DriverManager.getConnection(ownerUrl, ownerUser, ownerPassword);
            try (Statement s = o.createStatement()) {
                if (owns(s)) return o;
            }
            o.close();
        } catch (SQLException e) {
            log.info("division registry: no owner connection for the bulk load ({}); loading through a staging table", e.getMessage());
        }
        return null;
    }

    /** COPY the parsed files into division ({@code bulk}: indexes dropped and rebuilt) or into a staging table. */
    private RegistryLoader.Result copy(Connection c, boolean bulk, java.util.function.Consumer<java.util.function.Consumer<RegistryLoader.Unit>> parse, long t0) {
        try (Statement s = c.createStatement()) {
            List<String> rebuild = bulk ? dropIndexes(s) : List.of();
            String target = bulk ? "division" : "division_stage";
            if (!bulk) {
                s.execute("""
                        create temporary table division_stage (code varchar(12), name text, short_name text, level smallint,
                          kind text, parent_code varchar(12), pinyin text, initials text, status text) on commit drop""");
            }
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + target
                    + " (code, name, short_name, level, kind, parent_code, pinyin, initials, status) from stdin (format text)");
            StringBuilder b = new StringBuilder(1 << 20);
            int[] counts = new int[2]; // units, kind/range mismatches
            try {
                parse.accept(u -> {
                    b.append(u.code()).append('\t').append(esc(u.name())).append('\t').append(esc(u.shortName())).append('\t')
                            .append(u.level()).append('\t').append(esc(u.kind())).append('\t')
                            .append(u.parent() == null ? "\\N" : u.parent()).append('\t').append(esc(u.pinyin())).append('\t')
                            .append(esc(u.initials())).append("\tactive\n");
                    counts[0]++;
                    if (!u.rangeOk()) counts[1]++;
                    if (b.length() > (1 << 20) - 512) {
                        try {
                            write(in, b);
                        } catch (SQLException e) {
                            throw new IllegalStateException("division registry COPY failed: " + e.getMessage(), e);
                        }
                    }
                });
                write(in, b);
                in.endCopy();
            } finally {
                if (in.isActive()) in.cancelCopy();
            }
            log.info("division registry: {} units parsed and copied in {} ms", counts[0], (System.nanoTime() - t0) / 1_000_000);
            int inserted = counts[0];
            if (!bulk) {
                inserted = s.executeUpdate("""
                        insert into division (code, name, short_name, level, kind, parent_code, pinyin, initials, status)
                        select code, name, short_name, level, kind, parent_code, pinyin, initials, status
                          from division_stage order by code
                        on conflict (code) do nothing""");
            } else {
                log.info("division registry: building {} indexes and constraints ...", rebuild.size());
                for (String def : rebuild) s.execute(def);
            }
            s.execute("analyze division");
            return new RegistryLoader.Result(false, counts[0], inserted, counts[1], (System.nanoTime() - t0) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("division registry load failed: " + e.getMessage(), e);
        }
    }

    /** Drops division's secondary indexes and foreign keys; returns the statements that rebuild them. */
    private static List<String> dropIndexes(Statement s) throws SQLException {
        List<String> rebuild = new ArrayList<>();
        List<String[]> indexes = new ArrayList<>();
        try (var rs = s.executeQuery("""
                select indexname, indexdef from pg_indexes
                 where schemaname = current_schema() and tablename = 'division' and indexname <> 'division_pkey'""")) {
            while (rs.next()) indexes.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        List<String[]> fks = new ArrayList<>();
        try (var rs = s.executeQuery("""
                select conname, pg_get_constraintdef(oid) from pg_constraint
                 where conrelid = 'division'::regclass and contype = 'f'""")) {
            while (rs.next()) fks.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        for (String[] i : indexes) {
            s.execute("drop index " + i[0]);
            rebuild.add(i[1]);
        }
        for (String[] f : fks) {
            s.execute("alter table division drop constraint " + f[0]);
            rebuild.add("alter table division add constraint " + f[0] + " " + f[1]);
        }
        return rebuild;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void write(CopyIn in, StringBuilder b) throws SQLException {
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        b.setLength(0);
    }

    private static String esc(String s) {
        if (s == null) return "\\N";
        if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
