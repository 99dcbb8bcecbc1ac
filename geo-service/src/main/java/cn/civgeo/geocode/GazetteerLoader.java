package cn.civgeo.geocode;

import cn.civgeo.division.DivisionService;
import cn.civgeo.geocode.parse.InMemoryGazetteer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the gazetteer from the division feature: every unit (read-only bulk SQL on {@code division}), former names
 * from superseded versions, successors of abolished units through {@link DivisionService#successors}, and the
 * subdivided geometry for point look-ups. Also loads the small curated alias list {@code data/geocode/aliases.csv}.
 */
@Component
class GazetteerLoader {
    private static final Logger log = LoggerFactory.getLogger(GazetteerLoader.class);

    /** Everything the index needs, loaded in one go. */
    record Loaded(InMemoryGazetteer gazetteer, String[] pinyin, String[] initials, List<DivisionLocator.Part> parts,
                  long fingerprint, long millis, Map<String, String> geometrySources) {}

    private final GazetteerRepository repo;
    private final DivisionService divisions;
    private final Aliases aliases;

    GazetteerLoader(GazetteerRepository repo, DivisionService divisions, Aliases aliases) {
        this.repo = repo;
        this.divisions = divisions;
        this.aliases = aliases;
    }

    /** A cheap number that changes whenever divisions change (count, newest update, versions). */
    long fingerprint() { return repo.fingerprint(); }

    Loaded load() {
        long t0 = System.nanoTime();
        long fp = fingerprint();
        List<InMemoryGazetteer.Unit> units = new ArrayList<>(700_000);
        List<String> pinyin = new ArrayList<>(700_000), initials = new ArrayList<>(700_000);
        List<String> abolished = new ArrayList<>();
        Map<String, String> sources = new HashMap<>();
        repo.units(r -> {
            units.add(new InMemoryGazetteer.Unit(r.code(), r.name(), r.level(), r.parentCode(), r.abolished(), List.of(), r.point()));
            pinyin.add(r.pinyin());
            initials.add(r.initials());
            if (r.abolished()) abolished.add(r.code());
            if (r.geometrySource() != null) sources.put(r.code(), r.geometrySource().intern());
        });
        Map<String, List<String>> successors = new HashMap<>();
        for (String code : abolished) {
            successors.put(code, divisions.successors(code).stream().map(d -> d.code()).toList());
        }
        for (int i = 0; i < units.size(); i++) {
            InMemoryGazetteer.Unit u = units.get(i);
            if (u.abolished()) units.set(i, new InMemoryGazetteer.Unit(u.code(), u.name(), u.level(), u.parentCode(), true,
                    successors.getOrDefault(u.code(), List.of()), u.point()));
        }
        long tRows = System.nanoTime();
        InMemoryGazetteer.Builder b = InMemoryGazetteer.builder().addAll(units);
        repo.formerNames(b::formerName);
        aliases.entries().forEach(a -> { if (a.former()) b.formerName(a.code(), a.alias()); else b.alias(a.code(), a.alias()); });
        b.pinyin(GazetteerLoader::pinyinOf);
        InMemoryGazetteer g = b.build();
        long tBuilt = System.nanoTime();
        List<DivisionLocator.Part> parts = new ArrayList<>();
        WKBReader wkb = new WKBReader();
        repo.parts((code, bytes) -> {
            int unit = g.find(code);
            if (unit < 0) return;
            try {
                Geometry geom = wkb.read(bytes);
                parts.add(new DivisionLocator.Part(unit, g.level(unit), geom));
            } catch (ParseException e) {
                log.warn("skipping unreadable division part of {}", code);
            }
        });
        long ms = (System.nanoTime() - t0) / 1_000_000;
        log.info("gazetteer: {} units, {} names, {} geometry parts, {} abolished loaded in {} ms (rows {} ms, names indexed {} ms, parts {} ms)",
                g.size(), g.nameCount(), parts.size(), abolished.size(), ms, (tRows - t0) / 1_000_000,
                (tBuilt - tRows) / 1_000_000, (System.nanoTime() - tBuilt) / 1_000_000);
        return new Loaded(g, pinyin.toArray(String[]::new), initials.toArray(String[]::new), parts, fp, ms, Map.copyOf(sources));
    }

    /** Toneless place reading of a character (the curated table's default, else pinyin4j's first), for homophone typos. */
    static String pinyinOf(char c) {
        if (!Character.isIdeographic(c)) return null;
        return cn.civgeo.common.text.PlaceReadings.standard().reading(c);
    }
}
