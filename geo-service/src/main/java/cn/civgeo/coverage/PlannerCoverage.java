package cn.civgeo.coverage;

import cn.civgeo.common.code.DivisionCode;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.jobs.Progress;
import cn.civgeo.coverage.network.RoadNetworkChangedEvent;
import cn.civgeo.coverage.network.WalkGraph;
import cn.civgeo.demographics.DemographicsService;
import cn.civgeo.division.DivisionChangedEvent;
import cn.civgeo.facility.FacilityChangedEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The planner's coverage model in memory: for one city (the prefecture of the asked division, or the province), a
 * set of facility kinds, a walking time and speed, every residential unit with whether it is covered (its
 * representative point inside a service area of the kinds: the rule of {@link CoverageService#RULE}), the share of
 * its polygon inside those areas (sampled on a grid: exact overlays of hundreds of areas cost seconds to minutes)
 * and its nearest facility by walking on the network (one multi-source Dijkstra). Built once per
 * key and then answered by lookups; rebuilt in the background when a facility, a road network, a division or the
 * demographics change (after commit), so reads never wait for analysis they did not ask for.
 *
 * <p>With the stored areas' parameters (application.yml) the service areas are the stored ones (the same as
 * {@code /api/coverage} and the 15-minute indicator use); with other minutes or speed they are walked in memory.
 */
@Service
public class PlannerCoverage {
    private static final Logger log = LoggerFactory.getLogger(PlannerCoverage.class);
    private static final GeometryFactory GF = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4490);

    private final PlannerCoverageRepository repo;
    private final ServiceAreaService areas;
    private final Map<Key, CompletableFuture<Model>> models = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "planner-coverage");
        t.setDaemon(true);
        return t;
    });

    private final boolean warmUp;
    /** A model read within this window is rebuilt in the background after a change; older ones are dropped and rebuilt on their next read. */
    private volatile java.time.Duration hotWindow;
    private final Map<Key, Long> lastRead = new ConcurrentHashMap<>();

    PlannerCoverage(PlannerCoverageRepository repo, ServiceAreaService areas,
                    @org.springframework.beans.factory.annotation.Value("${civgeo.coverage.planner-warm-up:true}") boolean warmUp,
                    @org.springframework.beans.factory.annotation.Value("${civgeo.coverage.planner-hot-window:PT15M}") java.time.Duration hotWindow) {
        this.warmUp = warmUp;
        this.hotWindow = hotWindow;
        this.repo = repo;
        this.areas = areas;
    }

    /** What a model is built for: the scope is a code prefix (prefecture "3502" or province "35"). */
    record Key(String scope, List<String> kinds, double minutes, double speedMps, LocalDate asOf) {}

    /** One facility that counts. */
    record Fac(long id, String name, String kind, double lon, double lat) {}

    /** One residential unit as the model sees it. */
    record UnitState(String code, String name, String townshipCode, String townshipName, long households, long elderly,
                     double lon, double lat, double[] bbox, boolean covered, double coveredAreaShare, Fac nearest,
                     Long nearestM, String nearestBy, Geometry uncovered, String feature) {}

    record Model(Key key, List<UnitState> units, int facilities, String areaSource, long buildMs, java.time.Instant builtAt) {}

    /** A row of the coverage table (API). */
    public record Row(String code, String name, String townshipCode, String townshipName, long households, long elderly,
                      boolean covered, double coveredAreaShare, Long nearestFacilityId, String nearestFacilityName,
                      String nearestFacilityKind, Long nearestFacilityM, String nearestBy, double[] bbox) {}

    /** Totals of the table: shares are fractions 0..1 (null when the denominator is 0). */
    public record Totals(long units, long coveredUnits, long households, long coveredHouseholds, long elderly, long coveredElderly,
                         Double unitShare, Double householdShare, Double elderlyShare) {}

    /** The coverage table of a division: its residential units, what covers them and what is nearest. */
    public record Table(String division, String name, List<String> kinds, double minutes, double speedMps, double maxDistanceM,
                        LocalDate asOf, String rule, String areaSource, int facilities, Totals total, List<Row> rows,
                        java.time.Instant computedAt, long buildMs) {}

    /** The coverage table of {@code division}'s residential units. */
    public Table table(String division, List<String> kinds, Double minutes, Double speedMps, LocalDate asOf) {
        return table(division, kinds, minutes, speedMps, asOf, false);
    }

    /** fresh = built from scratch for this call, not cached (ADMIN: the benchmark's baseline). */
    public Table table(String division, List<String> kinds, Double minutes, Double speedMps, LocalDate asOf, boolean fresh) {
        var d = division(division);
        return table(d, fresh ? scratch(d.code(), kinds, minutes, speedMps, asOf) : model(d.code(), kinds, minutes, speedMps, asOf));
    }

    private Table table(CoverageRepository.DivisionRef d, Model m) {
        String prefix = prefix(d.code());
        List<Row> rows = new ArrayList<>();
        long cu = 0, hh = 0, chh = 0, el = 0, cel = 0, n = 0;
        for (UnitState u : m.units()) {
            if (!u.code().startsWith(prefix)) continue;
            n++;
            hh += u.households();
            el += u.elderly();
            if (u.covered()) { cu++; chh += u.households(); cel += u.elderly(); }
            Fac f = u.nearest();
            rows.add(new Row(u.code(), u.name(), u.townshipCode(), u.townshipName(), u.households(), u.elderly(), u.covered(),
                    u.coveredAreaShare(), f == null ? null : f.id(), f == null ? null : f.name(), f == null ? null : f.kind(),
                    u.nearestM(), u.nearestBy(), u.bbox()));
        }
        Key k = m.key();
        Totals t = new Totals(n, cu, hh, chh, el, cel, CoverageService.ratio(cu, n), CoverageService.ratio(chh, hh), CoverageService.ratio(cel, el));
        return new Table(d.code(), d.name(), k.kinds(), k.minutes(), k.speedMps(), k.minutes() * 60 * k.speedMps(), k.asOf(),
                CoverageService.RULE, m.areaSource(), m.facilities(), t, rows, m.builtAt(), m.buildMs());
    }

    /** The uncovered units of {@code division} as GeoJSON: only units not covered, each drawn as its part outside the service areas (valid), with that part's area. */
    public String uncoveredGeoJson(String division, List<String> kinds, Double minutes, Double speedMps, LocalDate asOf, boolean fresh) {
        var d = division(division);
        Model m = fresh ? scratch(d.code(), kinds, minutes, speedMps, asOf) : model(d.code(), kinds, minutes, speedMps, asOf);
        String prefix = prefix(d.code());
        StringBuilder sb = new StringBuilder(64 * 1024).append("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (UnitState u : m.units()) {
            if (u.feature() == null || !u.code().startsWith(prefix)) continue;
            if (!first) sb.append(',');
            first = false;
            sb.append(u.feature());
        }
        return sb.append("]}").toString();
    }

    /** The GeoJSON Feature of an uncovered unit (5 decimals, about 1 m), written once when the model is built. */
    private static String feature(String code, String name, String townshipName, long households, long elderly, double share,
                                  double uncoveredM2, Fac nearest, Long nearestM, Geometry g) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", code);
        p.put("name", name);
        p.put("townshipName", townshipName);
        p.put("households", households);
        p.put("elderly", elderly);
        p.put("covered", false);
        p.put("coveredAreaShare", share);
        p.put("uncoveredAreaKm2", Math.round(uncoveredM2 / 1e6 * 10000) / 10000.0);
        p.put("nearestFacilityName", nearest == null ? null : nearest.name());
        p.put("nearestFacilityM", nearestM);
        org.locationtech.jts.io.geojson.GeoJsonWriter w = new org.locationtech.jts.io.geojson.GeoJsonWriter(5);
        w.setEncodeCRS(false);
        return "{\"type\":\"Feature\",\"id\":\"" + code + "\",\"geometry\":" + w.write(g) + ",\"properties\":" + JSON.writeValueAsString(p) + "}";
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private CoverageRepository.DivisionRef division(String code) {
        DivisionCode.parse(code, "division"); // 400 naming division when malformed
        return repo.division(code);
    }

    static String prefix(String code) { return DivisionCode.parse(code, "division").significant(); }

    /** Only an administrator may ask for answers computed from scratch (they cost seconds). */
    static void requireAdmin() {
        var a = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        boolean admin = a != null && a.getAuthorities().stream().anyMatch(g -> "ROLE_ADMIN".equals(g.getAuthority()));
        if (!admin) throw new org.springframework.security.access.AccessDeniedException("fresh=true is for administrators (benchmarks)");
    }

    private Model scratch(String division, List<String> kinds, Double minutes, Double speedMps, LocalDate asOf) {
        requireAdmin();
        return build(key(division, kinds, minutes, speedMps, asOf));
    }

    private Key key(String division, List<String> kinds, Double minutes, Double speedMps, LocalDate asOf) {
        ServiceAreaService.Params p = areas.params(minutes, speedMps, null);
        String pre = prefix(division);
        return new Key(pre.length() >= 4 ? pre.substring(0, 4) : pre, CoverageService.kindsOrDefault(kinds).stream().sorted().distinct().toList(),
                p.minutes(), p.speedMps(), asOf == null ? LocalDate.now() : asOf);
    }

    /** The model for a division's city, built now when it is not in memory (or waited for while it is rebuilt). */
    Model model(String division, List<String> kinds, Double minutes, Double speedMps, LocalDate asOf) {
        Key key = key(division, kinds, minutes, speedMps, asOf);
        lastRead.put(key, System.nanoTime());
        CompletableFuture<Model> f = models.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> build(k), Runnable::run));
        try {
            return f.join();
        } catch (CompletionException e) {
            models.remove(key, f);
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** Builds a model from scratch (also the benchmark's baseline). */
    Model build(Key key) { return build(key, java.util.Set.of(), List.of()); }

    /** A proposed facility of a scenario (walked in memory). */
    public record Proposed(String kind, String name, double lon, double lat) {}

    /** Today and a scenario side by side: totals, and the units whose coverage the scenario changes. */
    public record Comparison(String division, String name, List<String> kinds, double minutes, double speedMps, int facilitiesToday,
                             int facilitiesScenario, Totals today, Totals scenario, List<Row> newlyCovered, List<Row> noLongerCovered) {}

    /**
     * The coverage of {@code division} today and with the scenario's changes: facilities {@code closed} (ids; a moved
     * one is closed here and proposed at its new place) taken away, {@code proposed} ones added.
     */
    public Comparison compare(String division, List<String> kinds, java.util.Set<Long> closed, List<Proposed> proposed) {
        var d = division(division);
        Model today = model(d.code(), kinds, null, null, null);
        List<Fac> added = new ArrayList<>();
        for (int i = 0; i < proposed.size(); i++) {
            Proposed p = proposed.get(i);
            added.add(new Fac(-(i + 1), p.name(), p.kind(), p.lon(), p.lat()));
        }
        Model with = build(today.key(), closed, added);
        Table a = table(d, today), b = table(d, with);
        Map<String, Row> before = new HashMap<>();
        a.rows().forEach(r -> before.put(r.code(), r));
        List<Row> gained = new ArrayList<>(), lost = new ArrayList<>();
        for (Row r : b.rows()) {
            Row o = before.get(r.code());
            if (o == null) continue;
            if (r.covered() && !o.covered()) gained.add(r);
            if (!r.covered() && o.covered()) lost.add(r);
        }
        Key k = today.key();
        return new Comparison(d.code(), d.name(), k.kinds(), k.minutes(), k.speedMps(), today.facilities(), with.facilities(),
                a.total(), b.total(), gained, lost);
    }

    private Model build(Key key, java.util.Set<Long> closed, List<Fac> added) {
        long t0 = System.nanoTime();
        ServiceAreaService.Params d = areas.defaults();
        ServiceAreaService.Params p = new ServiceAreaService.Params(key.minutes(), key.speedMps(), d.snapDistanceM(), d.edgeBufferM(), d.shape());
        boolean stored = p.minutes() == d.minutes() && p.speedMps() == d.speedMps();
        WKBReader wkb = new WKBReader(GF);
        List<Object[]> raw = repo.units(key.scope(), key.asOf());
        Envelope all = new Envelope();
        List<Geometry> polys = new ArrayList<>(raw.size());
        for (Object[] r : raw) {
            Geometry g = read(wkb, (byte[]) r[8]);
            polys.add(g);
            all.expandToInclude(g.getEnvelopeInternal());
        }
        // facilities that count: inside the scope's units' envelope widened by the walking distance
        double margin = p.maxDistanceM() / 90000.0 + 0.01;
        List<Fac> facs0 = raw.isEmpty() ? List.of() : repo.facilities(key.kinds(), key.asOf(), all, margin);
        List<Fac> edited = new ArrayList<>(facs0.stream().filter(f -> !closed.contains(f.id())).toList());
        for (Fac f : added) if (key.kinds().contains(f.kind())) edited.add(f);
        final List<Fac> facs = List.copyOf(edited);
        // service areas: the stored ones at the stored parameters, else walked in memory
        STRtree tree = areaTree(key, facs, stored, p, wkb);
        // nearest facility by walking: one multi-source Dijkstra per network the facilities lie on
        Nets nets = nets(facs, p);
        long tAreas = System.nanoTime();
        List<UnitState> units = java.util.stream.IntStream.range(0, raw.size()).parallel()
                .mapToObj(i -> unitState(raw.get(i), polys.get(i), tree, facs, nets)).toList();
        log.info("planner coverage {}: areas {} ms, units {} ms", key.scope(), (tAreas - t0) / 1_000_000, (System.nanoTime() - tAreas) / 1_000_000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        log.info("planner coverage {}: {} units, {} facilities ({} areas) in {} ms", key, units.size(), facs.size(),
                stored ? "stored" : "walked", ms);
        return new Model(key, List.copyOf(units), facs.size(), stored ? "stored" : "memory", ms, java.time.Instant.now());
    }

    /** The facilities' service areas, prepared, in a spatial index: the stored ones at the stored parameters, else walked. */
    private STRtree areaTree(Key key, List<Fac> facs, boolean stored, ServiceAreaService.Params p, WKBReader wkb) {
        STRtree tree = new STRtree();
        Map<Long, Geometry> storedAreas = new HashMap<>();
        if (stored && facs.stream().anyMatch(f -> f.id() > 0)) {
            areas.recompute(key.kinds(), null, false, Progress.NONE);
            repo.storedAreas(facs.stream().map(Fac::id).filter(id -> id > 0).toList())
                    .forEach(e -> storedAreas.put(e.getKey(), read(wkb, e.getValue())));
        }
        List<Geometry> areaList = facs.parallelStream().map(f -> stored && f.id() > 0 ? storedAreas.get(f.id()) : areas.walkArea(f.lon(), f.lat(), p).area()).toList();
        for (Geometry a : areaList) if (a != null && !a.isEmpty()) tree.insert(a.getEnvelopeInternal(), PreparedGeometryFactory.prepare(a));
        tree.build();
        return tree;
    }

    /** Per network id: the facilities on it (indexes into the list) and the nearest of them from every node. */
    private record Nets(Map<Long, List<Integer>> byNet, Map<Long, WalkGraph.Nearest> nearest) {}

    private Nets nets(List<Fac> facs, ServiceAreaService.Params p) {
        Map<Long, WalkGraph> graphs = new HashMap<>();
        Map<Long, List<Integer>> byNet = new HashMap<>();
        for (int i = 0; i < facs.size(); i++) {
            WalkGraph g = areas.graphAt(facs.get(i).lon(), facs.get(i).lat());
            graphs.putIfAbsent(g.networkId(), g);
            byNet.computeIfAbsent(g.networkId(), x -> new ArrayList<>()).add(i);
        }
        Map<Long, WalkGraph.Nearest> nearest = new HashMap<>();
        for (var e : byNet.entrySet()) {
            List<double[]> pts = e.getValue().stream().map(i -> new double[] {facs.get(i).lon(), facs.get(i).lat()}).toList();
            nearest.put(e.getKey(), graphs.get(e.getKey()).nearest(pts, p.snapDistanceM(), areas.minComponentNodes()));
        }
        return new Nets(byNet, nearest);
    }

    /** One unit's state: covered or not, the share inside the areas, its nearest facility and its uncovered part. */
    private UnitState unitState(Object[] r, Geometry poly, STRtree tree, List<Fac> facs, Nets nets) {
        double lon = (double) r[6], lat = (double) r[7];
        Point pt = GF.createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat));
        List<PreparedGeometry> touching = new ArrayList<>();
        for (Object o : tree.query(poly.getEnvelopeInternal())) touching.add((PreparedGeometry) o);
        boolean covered = coveredBy(touching, pt);
        double share = touching.isEmpty() ? 0 : sampledShare(poly, touching);
        // an uncovered unit is drawn as its part outside the service areas (not whole)
        Geometry rest = covered ? poly : uncoveredPart(poly, touching);
        Fac best = null;
        Long bestM = null;
        String by = null;
        WalkGraph g = facs.isEmpty() ? null : areas.graphAt(lon, lat);
        WalkGraph.Nearest nn = g == null ? null : nets.nearest().get(g.networkId());
        double[] hit = nn == null ? null : nn.at(lon, lat);
        if (hit != null) {
            best = facs.get(nets.byNet().get(g.networkId()).get((int) hit[0]));
            bestM = Math.round(hit[1]);
            by = "network";
        } else if (!facs.isEmpty()) { // off the network: the nearest in a straight line
            double bd = Double.POSITIVE_INFINITY;
            for (Fac f : facs) {
                double dm = metres(lon, lat, f.lon(), f.lat());
                if (dm < bd) { bd = dm; best = f; }
            }
            bestM = Math.round(bd);
            by = "straight-line";
        }
        Envelope env = poly.getEnvelopeInternal();
        Geometry shown = covered || rest == null ? null : simplify(rest);
        double shareR = CoverageService.round4(share);
        return new UnitState((String) r[0], (String) r[1], (String) r[2], (String) r[3], (long) r[4], (long) r[5], lon, lat,
                new double[] {round6(env.getMinX()), round6(env.getMinY()), round6(env.getMaxX()), round6(env.getMaxY())},
                covered, shareR, best, bestM, by, shown, shown == null ? null
                : feature((String) r[0], (String) r[1], (String) r[3], (long) r[4], (long) r[5], shareR, m2(rest), best, bestM, shown));
    }

    private static boolean coveredBy(List<PreparedGeometry> areas, Point pt) {
        for (PreparedGeometry a : areas) if (a.getGeometry().getEnvelopeInternal().covers(pt.getCoordinate()) && a.covers(pt)) return true;
        return false;
    }

    /** The share of a unit's polygon inside the areas, sampled on a 32 × 32 grid over its bounding box (about ±1 %). */
    static double sampledShare(Geometry poly, List<PreparedGeometry> areas) {
        Envelope e = poly.getEnvelopeInternal();
        PreparedGeometry in = PreparedGeometryFactory.prepare(poly);
        int n = 32, inside = 0, hit = 0;
        for (int ix = 0; ix < n; ix++) {
            for (int iy = 0; iy < n; iy++) {
                Point p = GF.createPoint(new org.locationtech.jts.geom.Coordinate(e.getMinX() + (ix + 0.5) * e.getWidth() / n,
                        e.getMinY() + (iy + 0.5) * e.getHeight() / n));
                if (!in.covers(p)) continue;
                inside++;
                if (coveredBy(areas, p)) hit++;
            }
        }
        return inside == 0 ? 0 : (double) hit / inside;
    }

    /** The part of a unit's polygon outside the service areas touching it (exact overlay, OverlayNG); valid. */
    static Geometry uncoveredPart(Geometry poly, List<PreparedGeometry> touching) {
        if (touching.isEmpty()) return poly;
        List<Geometry> gs = new ArrayList<>(touching.size());
        for (PreparedGeometry a : touching) gs.add(a.getGeometry());
        try {
            Geometry union = org.locationtech.jts.operation.overlayng.OverlayNGRobust.union(gs);
            Geometry rest = org.locationtech.jts.operation.overlayng.OverlayNGRobust.overlay(poly, union,
                    org.locationtech.jts.operation.overlayng.OverlayNG.DIFFERENCE);
            rest = org.locationtech.jts.geom.util.PolygonExtracter.getPolygons(rest).isEmpty() ? poly
                    : GF.buildGeometry(org.locationtech.jts.geom.util.PolygonExtracter.getPolygons(rest));
            rest.setSRID(4490);
            return rest.isValid() ? rest : GeometryFixer.fix(rest);
        } catch (RuntimeException e) { // an overlay that fails draws the unit whole rather than failing the model
            log.warn("uncovered part: {}", e.toString());
            return poly;
        }
    }

    private static Geometry simplify(Geometry g) {
        Geometry s = org.locationtech.jts.simplify.TopologyPreservingSimplifier.simplify(g, 0.00002);
        return s.isValid() ? s : GeometryFixer.fix(s);
    }

    private static Geometry read(WKBReader r, byte[] b) {
        try {
            Geometry g = r.read(b);
            g.setSRID(4490);
            return g.isValid() ? g : GeometryFixer.fix(g);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static double metres(double lon0, double lat0, double lon1, double lat1) {
        double kx = cn.civgeo.common.crs.LocalMetres.perDegreeLon(lat0), ky = cn.civgeo.common.crs.LocalMetres.perDegreeLat(lat0);
        return Math.hypot((lon1 - lon0) * kx, (lat1 - lat0) * ky);
    }

    /** Area in m² (0 for an empty geometry). */
    static double m2(Geometry g) { return g == null || g.isEmpty() ? 0 : ServiceAreaService.areaM2(g); }

    private static double round6(double v) { return Math.round(v * 1e6) / 1e6; }

    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean scheduled = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * After a change, the models it may concern are rebuilt: in the background for those a planner read within the
     * hot window (reads meanwhile wait for the new one: never a stale answer); the others are dropped and built again
     * on their next read, so changes nobody looks at cost nothing. Changes in a burst (an import of hundreds of
     * facilities) coalesce into one rebuild after the last of them.
     *
     * @param concerns which models the change may concern (by key)
     */
    void invalidate(String why, java.util.function.Predicate<Key> concerns) {
        generation.incrementAndGet();
        long now = System.nanoTime();
        int hot = 0, dropped = 0;
        for (Key k : List.copyOf(models.keySet())) {
            if (!concerns.test(k)) continue;
            Long read = lastRead.get(k);
            if (read == null || now - read > hotWindow.toNanos()) {
                CompletableFuture<Model> f = models.get(k);
                if (f != null && f.isDone() && models.remove(k, f)) dropped++;
                continue;
            }
            models.compute(k, (kk, f) -> f != null && !f.isDone() ? f : new CompletableFuture<>());
            hot++;
        }
        if (hot + dropped > 0) log.info("planner coverage: {} models to rebuild now, {} on their next read, after {}", hot, dropped, why);
        if (hot > 0 && scheduled.compareAndSet(false, true)) background.submit(this::rebuildPending);
    }

    void invalidate(String why) { invalidate(why, k -> true); }

    /** Does a change of these division codes concern the model of this scope (a code prefix)? */
    static boolean concernsScope(Key k, List<String> codes) {
        if (codes == null || codes.isEmpty()) return true;
        for (String c : codes) {
            if (c == null) return true;
            String unit = cn.civgeo.common.code.DivisionCode.significant(c);
            if (unit.startsWith(k.scope()) || k.scope().startsWith(unit)) return true;
        }
        return false;
    }

    private void rebuildPending() {
        long g;
        do {
            scheduled.set(false);
            g = generation.get();
            for (var e : models.entrySet()) {
                if (e.getValue().isDone()) continue;
                try {
                    Model m = build(e.getKey());
                    if (generation.get() == g) e.getValue().complete(m);
                } catch (RuntimeException ex) {
                    e.getValue().completeExceptionally(ex);
                }
            }
        } while (generation.get() != g && !scheduled.get());
    }

    /**
     * At start-up, the default analysis (elderly care, the stored areas' minutes and speed, today) of every city with
     * residential units is built in the background, so the first planner does not wait for it.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmUp() {
        if (!warmUp) return;
        background.submit(() -> {
            try {
                List<String> scopes = repo.citiesWithUnits();
                for (String s : scopes) {
                    Key k = new Key(s, CoverageService.kindsOrDefault(null).stream().sorted().distinct().toList(), areas.defaults().minutes(),
                            areas.defaults().speedMps(), LocalDate.now());
                    models.computeIfAbsent(k, x -> CompletableFuture.completedFuture(build(x)));
                }
            } catch (RuntimeException e) {
                log.warn("planner coverage warm-up: {}", e.toString());
            }
        });
    }

    /** Sets the hot window (tests); returns the previous one. */
    java.time.Duration hotWindow(java.time.Duration d) { java.time.Duration old = hotWindow; hotWindow = d; return old; }

    /** The model in memory for a key, or its rebuild under way; null when none (tests). */
    CompletableFuture<Model> cached(Key k) { return models.get(k); }

    /** Drops every model (tests, benchmarks' from-scratch runs). */
    public void clear() { models.clear(); lastRead.clear(); }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onFacility(FacilityChangedEvent e) {
        invalidate("facility " + e.facilityId(), k -> e.kind() == null || k.kinds().contains(e.kind()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onNetwork(RoadNetworkChangedEvent e) { invalidate("road network " + e.networkId()); }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onDivision(DivisionChangedEvent e) { invalidate("division change", k -> concernsScope(k, e.codes())); }

    /**
     * Facilities, divisions or demographics written elsewhere (another instance, an import, SQL by hand) arrive through
     * the one NOTIFY channel (common.changes.ChangeBus, triggers of V102); "*" after the listener reconnected.
     * This instance's own writes arrive here too (after their own event): the rebuilds coalesce.
     */
    @org.springframework.context.event.EventListener
    void onRemoteChange(cn.civgeo.common.changes.RemoteChange e) {
        if (e.concerns("facility") || e.concerns("division") || e.concerns("demographics")) invalidate("notify " + e.table());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onDemographics(DemographicsService.DemographicsChangedEvent e) { invalidate("demographics"); }
}
