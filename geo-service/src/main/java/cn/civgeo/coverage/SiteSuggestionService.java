package cn.civgeo.coverage;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.Validation;
import cn.civgeo.common.jobs.Progress;
import cn.civgeo.coverage.network.RoadNetworkService;
import cn.civgeo.facility.FacilityKind;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import cn.civgeo.common.GeoJson;
import cn.civgeo.common.crs.Crs;
import cn.civgeo.geocode.GeocodeService;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where to build next: k new sites that maximise the newly covered elderly population, by greedy maximal covering.
 * Demand is a grid of points over the residential units (elderly spread evenly over each unit), minus what existing
 * facilities of the kinds already cover. Candidates are the given points or that grid itself; each candidate's
 * service area is computed like a facility's (on the network when it snaps to it, else a straight-line disc).
 * Greedy is within 1 - 1/e of the optimum for this problem; each pick reports its own gain.
 */
@Service
public class SiteSuggestionService {
    private static final String DEMAND = CoverageRepository.sql("demand.sql");
    static final int MAX_CANDIDATES = 600;
    /** Candidates taken from the grid (every n-th uncovered demand point): each costs one walking area. */
    static final int GRID_CANDIDATES = 250;

    private final JdbcClient jdbc;
    private final ServiceAreaService areas;
    private final RoadNetworkService networks;
    private final CoverageProperties props;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final GeocodeService geocoder;
    private static final GeometryFactory GF = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4490);

    SiteSuggestionService(JdbcClient jdbc, ServiceAreaService areas, RoadNetworkService networks, CoverageProperties props,
                          TransactionTemplate tx, JsonMapper json, GeocodeService geocoder) {
        this.geocoder = geocoder;
        this.jdbc = jdbc;
        this.areas = areas;
        this.networks = networks;
        this.props = props;
        this.tx = tx;
        this.json = json;
    }

    /**
     * A request: kinds whose existing areas count as covering (default elderly_care); candidates as [lon, lat]
     * (EPSG:4490), with {@code candidateNames} beside them (the same length; e.g. the parcels of an uploaded file,
     * {@link ParcelCandidates}) so each pick keeps its candidate's name.
     */
    public record Request(String division, List<String> kinds, Integer k, List<double[]> candidates, Double gridSpacingM, LocalDate asOf,
                          List<String> candidateNames) {
        public Request(String division, List<String> kinds, Integer k, List<double[]> candidates, Double gridSpacingM, LocalDate asOf) {
            this(division, kinds, k, candidates, gridSpacingM, asOf, null);
        }
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "SitePick")
    public record Pick(int rank, double lon, double lat, String candidateName, String divisionCode, String divisionName, String nearestAddress,
                       Double nearestAddressM, double gainElderly, double gainHouseholds, double cumulativeElderly,
                       double coveredElderlyShare, double cumulativeHouseholds, double coveredHouseholdShare, String method,
                       JsonNode serviceArea) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "SiteSuggestionResult")
    public record Result(String division, List<String> kinds, int k, double totalElderly, double coveredElderlyBefore,
                         double coveredShareBefore, double totalHouseholds, double coveredHouseholdsBefore,
                         double coveredHouseholdShareBefore, int demandPoints, int candidates, String candidateSource, double gridSpacingM,
                         List<Pick> picks) {}

    public Result suggest(Request r, Progress progress) { return run(r, progress, false); }

    /** A request to evaluate given sites in their order (each one's gain over the facilities and the sites before it). */
    public record Evaluate(String division, List<String> kinds, List<double[]> sites, LocalDate asOf, List<String> siteNames) {
        public Evaluate(String division, List<String> kinds, List<double[]> sites, LocalDate asOf) { this(division, kinds, sites, asOf, null); }
    }

    /** The gains of given sites, in order (a dragged pick is re-evaluated with this): no greedy choice. */
    public Result evaluate(Evaluate e) {
        Validation v = new Validation();
        v.require(e.sites() != null && !e.sites().isEmpty() && e.sites().size() <= 50, "sites", "1 to 50 points [lon, lat] are required");
        if (e.sites() != null) for (double[] s : e.sites()) {
            v.require(s != null && s.length == 2 && s[0] >= -180 && s[0] <= 180 && s[1] >= -90 && s[1] <= 90, "sites", "each site is [lon, lat] in EPSG:4490");
        }
        v.require(e.siteNames() == null || e.sites() == null || e.siteNames().size() == e.sites().size(), "siteNames", "must have one name per site");
        v.throwIfInvalid();
        return run(new Request(e.division(), e.kinds(), e.sites().size(), e.sites(), null, e.asOf(), e.siteNames()), Progress.NONE, true);
    }

    private Result run(Request r, Progress progress, boolean inOrder) {
        Validation v = new Validation();
        v.require(r.division() != null, "division", "is required");
        int k = r.k() == null ? 5 : r.k();
        v.require(k >= 1 && k <= 50, "k", "must be between 1 and 50");
        double spacing = r.gridSpacingM() == null ? props.gridSpacingM() : r.gridSpacingM();
        v.require(spacing >= 50 && spacing <= 5000, "gridSpacingM", "must be between 50 and 5000 m");
        v.require(r.candidates() == null || r.candidates().size() <= MAX_CANDIDATES, "candidates", "at most " + MAX_CANDIDATES + " points");
        if (r.candidates() != null) for (double[] c : r.candidates()) {
            v.require(c != null && c.length == 2 && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90, "candidates", "each candidate is [lon, lat] in EPSG:4490");
        }
        v.require(r.candidateNames() == null || r.candidates() == null || r.candidateNames().size() == r.candidates().size(),
                "candidateNames", "must have one name per candidate");
        v.require(r.division() == null || r.division().matches("\\d{6}|\\d{9}|\\d{12}"), "division", "must be a 6-, 9- or 12-digit division code");
        v.throwIfInvalid();
        List<String> kinds = CoverageService.kindsOrDefault(r.kinds());
        LocalDate asOf = r.asOf() == null ? LocalDate.now() : r.asOf();
        Map<String, Object> centre = jdbc.sql("select ST_X(ST_PointOnSurface(geom)) as x, ST_Y(ST_PointOnSurface(geom)) as y from division_read division where code = :c and geom is not null")
                .param("c", r.division()).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Division with a geometry", r.division()));
        int srid = jdbc.sql("select civgeo_metric_srid(:x, :y)").param("x", centre.get("x")).param("y", centre.get("y"))
                .query(Integer.class).single();
        areas.recompute(kinds, null, false, Progress.NONE);
        progress.message("laying out demand points");
        record Demand(long id, String code, double lon, double lat, double elderly, double households, boolean covered) {}
        List<Demand> demand = jdbc.sql(DEMAND).param("division", r.division()).param("spacing", spacing).param("srid", srid)
                .param("kinds", CoverageRepository.array(kinds)).param("asOf", Date.valueOf(asOf))
                .query((rs, i) -> new Demand(rs.getLong("id"), rs.getString("code"), rs.getDouble("lon"), rs.getDouble("lat"),
                        rs.getDouble("elderly"), rs.getDouble("households"), rs.getBoolean("covered"))).list();
        double total = demand.stream().mapToDouble(Demand::elderly).sum();
        double before = demand.stream().filter(Demand::covered).mapToDouble(Demand::elderly).sum();
        double totalHh = demand.stream().mapToDouble(Demand::households).sum();
        double beforeHh = demand.stream().filter(Demand::covered).mapToDouble(Demand::households).sum();
        List<double[]> candidates = r.candidates();
        List<String> names = r.candidateNames();
        String source = "given";
        if (candidates == null || candidates.isEmpty()) {
            source = "grid over residential units (uncovered points)";
            List<Demand> open = demand.stream().filter(d -> !d.covered()).toList();
            int stride = Math.max(1, (int) Math.ceil(open.size() / (double) GRID_CANDIDATES));
            candidates = new ArrayList<>();
            names = null;
            for (int i = 0; i < open.size(); i += stride) candidates.add(new double[] {open.get(i).lon(), open.get(i).lat()});
        }
        List<double[]> cands = candidates;
        progress.total(cands.size() + k);
        progress.message("computing " + cands.size() + " candidate service areas");
        ServiceAreaService.Params p = areas.defaults();
        // the uncovered demand points in an R-tree; each candidate's walking area (in memory, in parallel) covers a set
        STRtree open = new STRtree();
        for (int i = 0; i < demand.size(); i++) {
            Demand d = demand.get(i);
            if (!d.covered()) open.insert(new Envelope(d.lon(), d.lon(), d.lat(), d.lat()), i);
        }
        open.build();
        List<Candidate> evaluated = candidateSets(r.division(), kinds, asOf, spacing, cands, p, open, demand.stream()
                .map(d -> new double[] {d.lon(), d.lat()}).toList(), progress);
        progress.message("greedy maximal covering");
        BitSet taken = new BitSet();
        List<Pick> picks = new ArrayList<>();
        double cumulative = before, cumulativeHh = beforeHh;
        boolean[] used = new boolean[cands.size()];
        for (int rank = 1; rank <= k; rank++) {
            int best = -1;
            double bestGain = 0;
            for (int c = 0; c < cands.size(); c++) {
                if (used[c] || inOrder && c != rank - 1) continue;
                double gain = 0;
                BitSet b = evaluated.get(c).covers();
                for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) if (!taken.get(i)) gain += demand.get(i).elderly();
                if (gain > bestGain + 1e-9 || inOrder) {
                    bestGain = gain;
                    best = c;
                }
            }
            progress.advance(1);
            if (best < 0) break; // nothing left to gain
            used[best] = true;
            double gainHh = 0;
            BitSet b = evaluated.get(best).covers();
            for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) {
                if (!taken.get(i)) gainHh += demand.get(i).households();
            }
            taken.or(b);
            cumulative += bestGain;
            cumulativeHh += gainHh;
            double[] c = cands.get(best);
            picks.add(pick(rank, c, names == null ? null : names.get(best), bestGain, gainHh, cumulative, total, cumulativeHh, totalHh, evaluated.get(best)));
        }
        return new Result(r.division(), kinds, k, round1(total), round1(before), total == 0 ? 0 : CoverageService.round4(before / total),
                round1(totalHh), round1(beforeHh), totalHh == 0 ? 0 : CoverageService.round4(beforeHh / totalHh),
                demand.size(), cands.size(), source, spacing, picks);
    }

    /** A candidate site's walking area and the uncovered demand points (indexes) inside it. */
    record Candidate(String method, Geometry area, BitSet covers) {}

    private final Map<String, List<Candidate>> candidateCache = new ConcurrentHashMap<>();

    /** Candidate coverage sets, computed once per division, kinds, date, spacing and candidate list (until data change). */
    private List<Candidate> candidateSets(String division, List<String> kinds, LocalDate asOf, double spacing, List<double[]> cands,
                                          ServiceAreaService.Params p, STRtree open, List<double[]> demand, Progress progress) {
        StringBuilder key = new StringBuilder(division).append('|').append(kinds).append('|').append(asOf).append('|').append(spacing);
        for (double[] c : cands) key.append('|').append(c[0]).append(',').append(c[1]);
        List<Candidate> hit = candidateCache.get(key.toString());
        if (hit != null) {
            progress.advance(cands.size());
            return hit;
        }
        List<Candidate> out = cands.parallelStream().map(c -> {
            var a = areas.walkArea(c[0], c[1], p);
            Candidate cand = new Candidate(a.method(), a.area(), covered(a.area(), open, demand));
            progress.advance(1);
            return cand;
        }).toList();
        if (candidateCache.size() > 50) candidateCache.clear();
        candidateCache.put(key.toString(), out);
        return out;
    }

    private static BitSet covered(Geometry area, STRtree open, List<double[]> demand) {
        PreparedGeometry pg = PreparedGeometryFactory.prepare(area);
        BitSet b = new BitSet();
        for (Object o : open.query(area.getEnvelopeInternal())) {
            int i = (Integer) o;
            double[] d = demand.get(i);
            if (pg.covers(GF.createPoint(new Coordinate(d[0], d[1])))) b.set(i);
        }
        return b;
    }

    private Pick pick(int rank, double[] c, String name, double gain, double gainHh, double cumulative, double total, double cumulativeHh,
                      double totalHh, Candidate cand) {
        var unit = jdbc.sql("""
                        select code, name from division_read division where status = 'active' and geom && ST_SetSRID(ST_MakePoint(:x, :y), 4490)
                           and ST_Covers(geom, ST_SetSRID(ST_MakePoint(:x, :y), 4490)) order by level desc limit 1""")
                .param("x", c[0]).param("y", c[1]).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional().orElse(new String[2]);
        String address = null;
        Double addressM = null;
        try {
            var rev = geocoder.reverse(c[0], c[1], Crs.CGCS2000, 500, 1);
            if (rev.nearestAddress() != null) {
                address = rev.nearestAddress().address() != null ? rev.nearestAddress().address() : rev.nearestAddress().name();
                addressM = Math.round(rev.nearestAddress().distanceM() * 10) / 10.0;
            }
        } catch (RuntimeException e) {
            // the geocoder's index is not ready (503) or the point is outside every division: no address
        }
        return new Pick(rank, c[0], c[1], name, unit[0], unit[1], address, addressM, round1(gain), round1(gainHh), round1(cumulative),
                total == 0 ? 0 : CoverageService.round4(cumulative / total), round1(cumulativeHh),
                totalHh == 0 ? 0 : CoverageService.round4(cumulativeHh / totalHh), cand.method(), json.readTree(GeoJson.write(cand.area())));
    }

    /** Forgets the candidate coverage sets (a facility, network, division or demographics change). */
    void clearCache() { candidateCache.clear(); }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onFacility(cn.civgeo.facility.FacilityChangedEvent e) { clearCache(); }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onNetwork(cn.civgeo.coverage.network.RoadNetworkChangedEvent e) { clearCache(); }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onDivision(cn.civgeo.division.DivisionChangedEvent e) { clearCache(); }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onDemographics(cn.civgeo.demographics.DemographicsService.DemographicsChangedEvent e) { clearCache(); }

    private static double round1(double v) { return Math.round(v * 10) / 10.0; }

    static List<String> kindNames() { return java.util.Arrays.stream(FacilityKind.values()).map(FacilityKind::code).toList(); }
}
