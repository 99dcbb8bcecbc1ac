package cn.civgeo.placename.demo;

import cn.civgeo.audit.AuditService;
import cn.civgeo.demo.DemoDataContributor;
import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionService;
import cn.civgeo.placename.pinyin.PlaceNameRomanizer;
import cn.civgeo.placename.rules.NameRules;
import cn.civgeo.placename.rules.PlaceCategories;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo place names of the demo city (厦门市 3502, synthetic geometry): a street network on a regular lattice
 * (≈1.25 km) over the city's land, each lattice line cut into roads of at most {@value #MAX_SEGMENTS} blocks; roads
 * meet at shared vertices, so the network is connected where the lattice is (the facility feature builds its
 * routing graph from these LINESTRINGs). Plus residential areas, parks, bridges, buildings and hills, and a few
 * deliberately non-standard names ({@link #SEEDED}) that a batch scan must find, and one exempt historic name.
 * Everything is deterministic (fixed seed, lattice anchored to fixed coordinates). All names are invented except
 * 万国俱乐部; all geometry is synthetic.
 */
@Component
public class DemoPlaceNames implements DemoDataContributor {
    private static final Logger log = LoggerFactory.getLogger(DemoPlaceNames.class);
    public static final String CITY = "350200";
    public static final String DEMO = "demo";
    static final double DX = 0.0125;
    static final double DY = 0.0115;
    static final int MAX_SEGMENTS = 4;
    /** The seeded non-standard names and the rule each breaks: the expected result of a scan of the demo city. */
    public static final Map<String, String> SEEDED = Map.of(
            "环球中心大厦", "EXAGGERATED", "槐荫大道", "EXAGGERATED", "曼哈顿花园", "FOREIGN", "24克拉花园", "BIZARRE",
            "海景·名苑", "BIZARRE", "沿河路", "DUPLICATE");
    public static final String EXEMPT_HISTORIC = "万国俱乐部";

    private final DemoPlaceNamesRepository repo;
    private final DivisionService divisions;
    private final PlaceNameRomanizer romanizer;
    private final NameRules rules;
    private final AuditService audit;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final GeometryFactory gf = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4490);

    public DemoPlaceNames(DemoPlaceNamesRepository repo, DivisionService divisions, PlaceNameRomanizer romanizer, NameRules rules, AuditService audit,
                          org.springframework.context.ApplicationEventPublisher events) {
        this.repo = repo;
        this.events = events;
        this.divisions = divisions;
        this.romanizer = romanizer;
        this.rules = rules;
        this.audit = audit;
    }

    @Override
    public int order() { return 30; }

    @Override
    public String name() { return "place names of the demo city"; }

    public boolean loaded() {
        return repo.demoLoaded();
    }

    @Override
    @Transactional
    public void load() {
        if (loaded()) return;
        Optional<Geometry> city = divisions.geometry(CITY);
        if (city.isEmpty()) {
            log.warn("demo place names skipped: the demo city {} has no geometry", CITY);
            return;
        }
        List<String> prefixes = repo.provinceAndCityNames();
        DemoNameGenerator names = new DemoNameGenerator(romanizer, rules, prefixes, 3502L);
        List<Planned> planned = new ArrayList<>();
        List<LineString> roads = lattice(city.get(), names, planned);
        others(city.get(), names, planned, roads);
        seeded(roads, planned);
        insert(planned);
        audit.created("place_name", "demo:" + CITY, Map.of("loaded", planned.size(), "source", "demo generator"));
        events.publishEvent(cn.civgeo.placename.PlaceNameChangedEvent.many());
        log.info("demo place names: {} ({} roads)", planned.size(), roads.size());
    }

    /** A name to insert: category, WKT, numbering direction (roads) and a meaning. */
    record Planned(String name, String category, String wkt, String numbering, String meaning) {}

    private record LineString(String name, Coordinate[] coords, boolean eastWest) {}

    private List<LineString> lattice(Geometry city, DemoNameGenerator names, List<Planned> planned) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(city);
        Envelope e = city.getEnvelopeInternal();
        double x0 = Math.floor(e.getMinX() / DX) * DX, y0 = Math.floor(e.getMinY() / DY) * DY;
        int nx = (int) Math.ceil((e.getMaxX() - x0) / DX) + 1, ny = (int) Math.ceil((e.getMaxY() - y0) / DY) + 1;
        boolean[][] in = new boolean[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) in[i][j] = inside.contains(gf.createPoint(new Coordinate(x(x0, i), y(y0, j))));
        }
        List<LineString> out = new ArrayList<>();
        for (int j = 0; j < ny; j++) { // east-west roads, west to east
            List<List<Coordinate>> runs = new ArrayList<>();
            List<Coordinate> run = new ArrayList<>();
            for (int i = 0; i <= nx; i++) {
                if (i < nx && in[i][j]) run.add(new Coordinate(x(x0, i), y(y0, j)));
                else { if (run.size() >= 2) runs.add(run); run = new ArrayList<>(); }
            }
            for (List<Coordinate> r : runs) name(r, true, names, out, planned);
        }
        for (int i = 0; i < nx; i++) { // north-south roads, north to south
            List<List<Coordinate>> runs = new ArrayList<>();
            List<Coordinate> run = new ArrayList<>();
            for (int j = ny - 1; j >= -1; j--) {
                if (j >= 0 && in[i][j]) run.add(new Coordinate(x(x0, i), y(y0, j)));
                else { if (run.size() >= 2) runs.add(run); run = new ArrayList<>(); }
            }
            for (List<Coordinate> r : runs) name(r, false, names, out, planned);
        }
        return out;
    }

    private static double x(double x0, int i) { return Math.round((x0 + i * DX) * 1e7) / 1e7; }

    private static double y(double y0, int j) { return Math.round((y0 + j * DY) * 1e7) / 1e7; }

    /** Cuts a run into roads of ≤ MAX_SEGMENTS blocks; up to three consecutive roads share a name with 西/中/东 (北/中/南). */
    private void name(List<Coordinate> run, boolean eastWest, DemoNameGenerator names, List<LineString> out, List<Planned> planned) {
        List<Coordinate[]> pieces = new ArrayList<>();
        int segments = run.size() - 1;
        int count = (segments + MAX_SEGMENTS - 1) / MAX_SEGMENTS;
        int start = 0;
        for (int p = 0; p < count; p++) {
            int end = start + Math.max(1, Math.round((float) (segments - start) / (count - p)));
            pieces.add(run.subList(start, Math.min(end, segments) + 1).toArray(Coordinate[]::new));
            start = end;
        }
        String generic = eastWest ? "路" : "街";
        String[] mods = eastWest ? new String[] {"西", "中", "东"} : new String[] {"北", "中", "南"};
        for (int g = 0; g < pieces.size(); g += 3) {
            int n = Math.min(3, pieces.size() - g);
            List<String> generics = n == 1 ? List.of(generic) : List.of(mods[0] + generic, mods[1] + generic, mods[2] + generic);
            String specific = names.next(PlaceCategories.ROAD, generics);
            for (int k = 0; k < n; k++) {
                String name = specific + (n == 1 ? generic : (n == 2 ? mods[k * 2] : mods[k]) + generic);
                Coordinate[] c = pieces.get(g + k);
                out.add(new LineString(name, c, eastWest));
                planned.add(new Planned(name, PlaceCategories.ROAD, gf.createLineString(c).toText(), eastWest ? "EW" : "NS",
                        "演示数据：以" + specific + "为名的" + (eastWest ? "东西" : "南北") + "走向道路"));
            }
        }
    }

    /** Residential areas, parks, bridges, buildings and hills placed deterministically around the lattice. */
    private void others(Geometry city, DemoNameGenerator names, List<Planned> planned, List<LineString> roads) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(city);
        int park = 0, residential = 0, building = 0, bridge = 0, hill = 0;
        String[] estates = {"花园", "苑", "小区"};
        for (int r = 0; r < roads.size(); r++) {
            LineString road = roads.get(r);
            if (!road.eastWest || road.coords.length < 2) continue;
            Coordinate a = road.coords[0], b = road.coords[1];
            double cx = (a.x + b.x) / 2, cy = a.y + DY / 2;
            if (!inside.contains(gf.createPoint(new Coordinate(cx, cy)))) continue;
            switch (r % 5) {
                case 0 -> { if (residential++ < 120) planned.add(square(names, estates[residential % 3], PlaceCategories.URBAN_RESIDENTIAL, cx, cy, 0.0018, "居住小区")); }
                case 1 -> { if (park++ < 30) planned.add(square(names, "公园", PlaceCategories.PARK, cx, cy, 0.0025, "城市公园")); }
                case 2 -> { if (building++ < 60) planned.add(point(names, "大厦", PlaceCategories.BUILDING, cx + 0.001, a.y + 0.0004, "办公楼宇")); }
                case 3 -> { if (bridge++ < 25) planned.add(point(names, "桥", PlaceCategories.BRIDGE, (a.x + b.x) / 2, a.y, "跨线桥")); }
                default -> { if (hill++ < 12) planned.add(point(names, "山", "1310", cx, cy, "小山")); }
            }
        }
    }

    private Planned square(DemoNameGenerator names, String generic, String category, double cx, double cy, double half, String what) {
        String s = names.next(category, List.of(generic));
        String wkt = gf.toGeometry(new Envelope(cx - half, cx + half, cy - half * 0.9, cy + half * 0.9)).toText();
        return new Planned(s + generic, category, wkt, null, "演示数据：" + what);
    }

    private Planned point(DemoNameGenerator names, String generic, String category, double x, double y, String what) {
        String s = names.next(category, List.of(generic));
        return new Planned(s + generic, category, gf.createPoint(new Coordinate(x, y)).toText(), null, "演示数据：" + what);
    }

    /** The deliberately non-standard names (spurs and points next to lattice roads) and the exempt historic name. */
    private void seeded(List<LineString> roads, List<Planned> planned) {
        LineString first = roads.get(roads.size() / 3);
        LineString second = roads.get(2 * roads.size() / 3);
        Coordinate a = first.coords[0], b = second.coords[0];
        // spurs from a lattice vertex, so they connect to the network
        planned.add(new Planned("沿河路", PlaceCategories.ROAD, spur(a, 0.0012, 0.004), null, "演示数据：重名（与另一条沿河路同名）"));
        planned.add(new Planned("沿河路", PlaceCategories.LANE, spur(b, 0.0012, 0.003), null, "演示数据：重名（与另一条沿河路同名）"));
        Coordinate c = roads.get(roads.size() / 2).coords[0];
        planned.add(new Planned("槐荫大道", PlaceCategories.ROAD, spur(c, -0.0012, 0.0035), null, "演示数据：不足千米的道路称大道"));
        Coordinate d = roads.get(roads.size() / 4).coords[0];
        planned.add(new Planned("环球中心大厦", PlaceCategories.BUILDING, pointWkt(d.x + 0.0015, d.y + 0.0015), null, "演示数据：夸大"));
        planned.add(new Planned("曼哈顿花园", PlaceCategories.URBAN_RESIDENTIAL, pointWkt(d.x + 0.0030, d.y + 0.0030), null, "演示数据：洋名"));
        planned.add(new Planned("24克拉花园", PlaceCategories.URBAN_RESIDENTIAL, pointWkt(d.x + 0.0045, d.y + 0.0015), null, "演示数据：数字混用"));
        planned.add(new Planned("海景·名苑", PlaceCategories.URBAN_RESIDENTIAL, pointWkt(d.x + 0.0015, d.y + 0.0045), null, "演示数据：名称含分隔符"));
        Coordinate h = roads.get(3 * roads.size() / 4).coords[0];
        planned.add(new Planned(EXEMPT_HISTORIC, "2740", pointWkt(h.x + 0.002, h.y + 0.002), null,
                "鼓浪屿万国俱乐部（名称借用）：历史建筑名称，演示豁免"));
        repo.exemptHistoric(EXEMPT_HISTORIC);
    }

    private String spur(Coordinate from, double dx, double dy) {
        return gf.createLineString(new Coordinate[] {new Coordinate(from.x, from.y), new Coordinate(from.x + dx, from.y + dy)}).toText();
    }

    private String pointWkt(double x, double y) { return gf.createPoint(new Coordinate(x, y)).toText(); }

    private void insert(List<Planned> planned) {
        Map<String, String> countyOf = new LinkedHashMap<>();
        int n = 0;
        for (Planned p : planned) {
            var rom = romanizer.romanize(p.name());
            String code = "TMP" + (n++);
            long id = repo.insertApproved(code, p, rom, CITY, "厦府地〔2020〕" + (100 + n) + "号");
            countyOf.put(String.valueOf(id), p.category());
        }
        // place-name codes (county + category + sequence) and every township a name touches
        repo.codeDemoNamesAndLogApproval();
    }
}
