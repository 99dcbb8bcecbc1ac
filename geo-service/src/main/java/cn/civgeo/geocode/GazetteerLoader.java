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
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the gazetteer from the division feature: every unit (read-only bulk SQL on {@code division}), former names
 * from superseded versions, successors of abolished units through {@link DivisionService#successors}, and the
 * subdivided geometry for point look-ups. Also loads the small curated alias list {@code data/geocode/aliases.csv}.
 */
@Component
class GazetteerLoader {
    private static final Logger log = LoggerFactory.getLogger(GazetteerLoader.class);
    private static final String UNITS = """
            select d.code, d.name, d.level, d.parent_code, d.status = 'abolished' as abolished, d.pinyin, d.initials,
                   case when d.geom is null then st_x(o.point) else st_x(st_pointonsurface(d.geom)) end as x,
                   case when d.geom is null then st_y(o.point) else st_y(st_pointonsurface(d.geom)) end as y,
                   case when d.geom is null then o.source else d.geom_source end as geom_source
              from division_read d left join division_outline o on o.code = d.code""";
    private static final String FORMER_NAMES = """
            select distinct v.code, v.name from division_version_read v join division_read d on d.code = v.code where v.name <> d.name""";
    // Units without geometry of their own are located by the approximate county outlines (CountyOutlines).
    private static final String PARTS = """
            select p.code, st_asbinary(p.geom) from division_part_read p
            union all
            select o.code, st_asbinary(o.geom) from division_outline_part o
             where not exists (select 1 from division_part_read p where p.code = o.code)""";

    /** Everything the index needs, loaded in one go. */
    record Loaded(InMemoryGazetteer gazetteer, String[] pinyin, String[] initials, List<DivisionLocator.Part> parts,
                  long fingerprint, long millis, Map<String, String> geometrySources) {}

    private final JdbcClient jdbc;
    private final DivisionService divisions;
    private final Aliases aliases;

    GazetteerLoader(JdbcClient jdbc, DivisionService divisions, Aliases aliases) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.aliases = aliases;
    }

    /** A cheap number that changes whenever divisions change (count, newest update, versions). */
    long fingerprint() {
        return jdbc.sql("select count(*) * 1000003 + coalesce(sum(version), 0) * 7919 + coalesce(extract(epoch from max(updated_at))::bigint, 0)"
                        + " + (select count(*) from division_outline) * 104729 from division_read division")
                .query(Long.class).single();
    }

    Loaded load() {
        long t0 = System.nanoTime();
        long fp = fingerprint();
        List<InMemoryGazetteer.Unit> units = new ArrayList<>(700_000);
        List<String> pinyin = new ArrayList<>(700_000), initials = new ArrayList<>(700_000);
        List<String> abolished = new ArrayList<>();
        Map<String, String> sources = new HashMap<>();
        jdbc.sql(UNITS).query((RowCallbackHandler) rs -> {
            double x = rs.getDouble("x");
            double[] p = rs.wasNull() ? null : new double[]{x, rs.getDouble("y")};
            boolean ab = rs.getBoolean("abolished");
            String code = rs.getString("code");
            units.add(new InMemoryGazetteer.Unit(code, rs.getString("name"), rs.getInt("level"), rs.getString("parent_code"),
                    ab, List.of(), p));
            pinyin.add(rs.getString("pinyin"));
            initials.add(rs.getString("initials"));
            if (ab) abolished.add(code);
            String src = rs.getString("geom_source");
            if (src != null) sources.put(code, src.intern());
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
        jdbc.sql(FORMER_NAMES).query((RowCallbackHandler) rs -> b.formerName(rs.getString(1), rs.getString(2)));
        aliases.entries().forEach(a -> { if (a.former()) b.formerName(a.code(), a.alias()); else b.alias(a.code(), a.alias()); });
        b.pinyin(GazetteerLoader::pinyinOf);
        InMemoryGazetteer g = b.build();
        long tBuilt = System.nanoTime();
        List<DivisionLocator.Part> parts = new ArrayList<>();
        WKBReader wkb = new WKBReader();
        jdbc.sql(PARTS).query((RowCallbackHandler) rs -> {
            int unit = g.find(rs.getString(1));
            if (unit < 0) return;
            try {
                Geometry geom = wkb.read(rs.getBytes(2));
                parts.add(new DivisionLocator.Part(unit, g.level(unit), geom));
            } catch (ParseException e) {
                log.warn("skipping unreadable division part of {}", rs.getString(1));
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
