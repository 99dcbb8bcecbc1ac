package cn.civgeo.coverage;

import cn.civgeo.common.code.DivisionCode;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import cn.civgeo.common.GeoJson;
import cn.civgeo.common.crs.LocalMetres;
import cn.civgeo.common.jobs.Progress;
import cn.civgeo.coverage.network.WalkGraph;
import cn.civgeo.coverage.network.WalkGraphs;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;
import cn.civgeo.coverage.network.RoadNetworkChangedEvent;
import cn.civgeo.coverage.network.RoadNetworkService;
import cn.civgeo.facility.FacilityChangedEvent;
import cn.civgeo.facility.FacilityKind;
import cn.civgeo.facility.FacilityService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import cn.civgeo.common.jobs.JobService;

/**
 * Walking service areas: computed on the network covering a facility (pgr_drivingDistance on a bbox-limited edge
 * set, partial frontier edges, reached edges buffered), or a straight-line disc when the facility is off the
 * network, always labelled with the method. Areas from any point ({@link #at}) are walked in memory
 * ({@link WalkGraph}; {@code civgeo.coverage.engine=database} for the SQL function); stored areas still use the SQL. Stored per facility and recomputed in the same transaction when a
 * facility is created or moved; marked stale when its network changes (then recomputed by a job).
 */
@Service
class ServiceAreaService {
    public static final List<String> SHAPES = List.of("buffer", "hull", "straight-line");

    private final ServiceAreaRepository repo;
    private final CoverageProperties props;
    private final RoadNetworkService networks;
    private final FacilityService facilities;
    private final TransactionTemplate tx;
    private final JobService jobs;
    private final WalkGraphs graphs;
    private final boolean inMemory;
    private final int minComponentNodes;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The graph for a point no network covers: every walk from it is the straight-line disc. */
    private static final WalkGraph NO_NETWORK = WalkGraph.of(0, List.of());

    ServiceAreaService(ServiceAreaRepository repo, CoverageProperties props, RoadNetworkService networks,
                       FacilityService facilities, TransactionTemplate tx, JobService jobs, WalkGraphs graphs,
                       @Value("${civgeo.coverage.engine:memory}") String engine,
                       @Value("${civgeo.coverage.min-component-nodes:10}") int minComponentNodes) {
        this.graphs = graphs;
        this.inMemory = !"database".equals(engine);
        this.minComponentNodes = minComponentNodes;
        this.jobs = jobs;
        this.repo = repo;
        this.props = props;
        this.networks = networks;
        this.facilities = facilities;
        this.tx = tx;
        jobs.register("service-areas", RecomputeJob.class, true, (in, file, p) -> recompute(in.kind(), in.division(), in.all(), p));
        jobs.register("service-area-benchmark", RecomputeJob.class, true, (in, file, p) -> time(in.kind(), in.division(), in.shape(), p));
    }

    /** The stored input of a recompute (or benchmark: shape) job. */
    public record RecomputeJob(List<String> kind, String division, boolean all, String shape) {}

    /** Parameters of a walking area; maxDistanceM = minutes × 60 × speedMps. */
    public record Params(double minutes, double speedMps, double snapDistanceM, double edgeBufferM, String shape) {
        public double maxDistanceM() { return minutes * 60 * speedMps; }
    }

    /** The stored areas' parameters (application.yml civgeo.coverage.*). */
    public Params defaults() {
        return new Params(props.minutes(), props.speedMps(), props.snapDistanceM(), props.edgeBufferM(), props.shape());
    }

    /** Defaults overridden by whatever the request gives, validated. */
    public Params params(Double minutes, Double speedMps, String shape) {
        Params d = defaults();
        Validation v = new Validation();
        v.require(minutes == null || (minutes > 0 && minutes <= 60), "minutes", "must be more than 0 and at most 60");
        v.require(speedMps == null || (speedMps >= 0.3 && speedMps <= 2.5), "speedMps", "must be between 0.3 and 2.5 m/s");
        v.require(shape == null || SHAPES.contains(shape), "shape", "must be one of " + SHAPES);
        v.throwIfInvalid();
        return new Params(minutes == null ? d.minutes() : minutes, speedMps == null ? d.speedMps() : speedMps,
                d.snapDistanceM(), d.edgeBufferM(), shape == null ? d.shape() : shape);
    }

    /** A walking area from any point (EPSG:4490), not stored. networkId null = the network covering the point. */
    public String at(double lon, double lat, Long networkId, Params p) {
        Long net = network(lon, lat, networkId);
        if (!inMemory) return repo.at(net, lon, lat, p);
        // wall time and this thread's CPU time: on a busy machine the thread waits for a core, and the wall time
        // says more about the machine than about the walk (scripts/bench/planner prints both)
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime(), t0 = System.nanoTime();
        WalkGraph.Area a = net == null
                ? NO_NETWORK.walk(lon, lat, p.maxDistanceM(), p.snapDistanceM(), p.edgeBufferM(), p.shape(), minComponentNodes)
                : graphs.of(net).walk(lon, lat, p.maxDistanceM(), p.snapDistanceM(), p.edgeBufferM(), p.shape(), minComponentNodes);
        double ms = (System.nanoTime() - t0) / 1e6, cpuMs = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("method", a.method());
        props.put("networkId", a.method().startsWith("network") ? net : null);
        props.put("minutes", p.minutes());
        props.put("speedMps", p.speedMps());
        props.put("maxDistanceM", p.maxDistanceM());
        props.put("snapDistanceM", a.snapDistanceM() == null ? null : Math.round(a.snapDistanceM() * 10) / 10.0);
        props.put("reachedLengthM", Math.round(a.reachedLengthM()));
        props.put("reachedNodes", a.reachedNodes());
        props.put("componentNodes", a.componentNodes());
        props.put("areaM2", Math.round(areaM2(a.area())));
        props.put("engine", "memory");
        props.put("computeMs", Math.round(ms * 100) / 100.0);
        props.put("computeCpuMs", Math.round(cpuMs * 100) / 100.0);
        return "{\"type\":\"Feature\",\"geometry\":" + GeoJson.write(a.area()) + ",\"properties\":" + JSON.writeValueAsString(props) + "}";
    }

    /** The walking area from a point as a geometry (in memory, on the network covering the point), not stored. */
    public WalkGraph.Area walkArea(double lon, double lat, Params p) {
        Long net = networks.covering(lon, lat).orElse(null);
        WalkGraph g = net == null ? NO_NETWORK : graphs.of(net);
        return g.walk(lon, lat, p.maxDistanceM(), p.snapDistanceM(), p.edgeBufferM(), p.shape(), minComponentNodes);
    }

    /** The in-memory walking graph of the network covering a point (empty graph when none covers it). */
    public WalkGraph graphAt(double lon, double lat) {
        Long net = networks.covering(lon, lat).orElse(null);
        return net == null ? NO_NETWORK : graphs.of(net);
    }

    /** Fragments with fewer nodes are snapped to only when nothing larger is in reach. */
    public int minComponentNodes() { return minComponentNodes; }

    /** The same walking area computed by the database function civgeo_walk_area (pgRouting), for comparison. */
    public String atInDatabase(double lon, double lat, Long networkId, Params p) {
        return repo.at(network(lon, lat, networkId), lon, lat, p);
    }

    private Long network(double lon, double lat, Long networkId) {
        return networkId != null ? Long.valueOf(networks.get(networkId).id()) : networks.covering(lon, lat).orElse(null);
    }

    /** Area in m² of a small lon/lat geometry, from the ellipsoid's local scales at its centre. */
    static double areaM2(Geometry g) {
        double lat = g.getEnvelopeInternal().centre().y;
        return g.getArea() * LocalMetres.perDegreeLon(lat) * LocalMetres.perDegreeLat(lat);
    }

    public String ofFacility(long facilityId) {
        facilities.get(facilityId);
        return repo.feature(facilityId).orElseThrow(() -> ApiException.notFound("Service area of facility", facilityId));
    }

    public String collection(List<String> kinds, String division, double[] bbox) {
        return repo.collection(kindCodes(kinds), division == null ? null : DivisionCode.parse(division, "division").significant(), bbox);
    }

    @EventListener
    void onFacilityChanged(FacilityChangedEvent e) {
        if (e.moved() && !e.deleted()) repo.compute(e.facilityId(), defaults());
    }

    @EventListener
    void onNetworkChanged(RoadNetworkChangedEvent e) {
        repo.markStale(e.networkId());
    }

    /** After a network import commits, its facilities' areas are recomputed in the background. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterNetworkChanged(RoadNetworkChangedEvent e) {
        jobs.submitSeparately("service-areas", new RecomputeJob(null, null, false, null));
    }

    /**
     * Recomputes the stored areas of the matching facilities: only missing/stale/outdated ones unless {@code all}.
     * Each facility in its own short transaction, so a long run does not hold locks; progress per facility.
     */
    public Map<String, Object> recompute(List<String> kinds, String division, boolean all, Progress progress) {
        Params p = defaults();
        List<Long> ids = repo.needingWork(kindCodes(kinds), division == null ? null : DivisionCode.parse(division, "division").significant(), all, p);
        progress.total(ids.size());
        progress.message("computing " + ids.size() + " service areas");
        long t0 = System.nanoTime();
        for (Long id : ids) {
            tx.executeWithoutResult(s -> repo.compute(id, p));
            progress.advance(1);
        }
        double wallMs = (System.nanoTime() - t0) / 1e6;
        ServiceAreaRepository.Stats st = ids.isEmpty() ? new ServiceAreaRepository.Stats(0, 0, 0, 0) : repo.stats(ids);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("computed", ids.size());
        out.put("network", st.network());
        out.put("offNetwork", st.offNetwork());
        out.put("wallMs", Math.round(wallMs));
        out.put("msPerArea", ids.isEmpty() ? null : Math.round(wallMs / ids.size() * 10) / 10.0);
        out.put("params", p);
        return out;
    }

    /**
     * Times the areas of the matching facilities with the given shape without storing them: the benchmark's
     * network run and its straight-line baseline go through the same code.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> time(List<String> kinds, String division, String shape, Progress progress) {
        Params p = params(null, null, shape);
        List<double[]> points = new ArrayList<>();
        for (Long id : repo.needingWork(kindCodes(kinds), division == null ? null : DivisionCode.parse(division, "division").significant(), true, p)) {
            var f = facilities.get(id);
            points.add(new double[] {f.lon(), f.lat()});
        }
        progress.total(points.size());
        long t0 = System.nanoTime();
        for (double[] pt : points) {
            at(pt[0], pt[1], null, p);
            progress.advance(1);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("shape", shape);
        out.put("areas", points.size());
        out.put("wallMs", Math.round(ms));
        out.put("msPerArea", points.isEmpty() ? null : Math.round(ms / points.size() * 100) / 100.0);
        return out;
    }

    static List<String> kindCodes(List<String> kinds) {
        if (kinds == null) return List.of();
        return kinds.stream().flatMap(k -> "elderly_care".equals(k)
                ? FacilityKind.ELDERLY_CARE.stream().map(FacilityKind::code)
                : java.util.stream.Stream.of(FacilityKind.parse(k).orElseThrow(() ->
                        ApiException.badField("kind", "must be one of " + FacilityKind.codes() + " or elderly_care")).code())).toList();
    }
}
