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

    private final JdbcClient jdbc;
    private final ServiceAreaService areas;
    private final RoadNetworkService networks;
    private final CoverageProperties props;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    SiteSuggestionService(JdbcClient jdbc, ServiceAreaService areas, RoadNetworkService networks, CoverageProperties props,
                          TransactionTemplate tx, JsonMapper json) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.networks = networks;
        this.props = props;
        this.tx = tx;
        this.json = json;
    }

    /** A request: kinds whose existing areas count as covering (default elderly_care); candidates as [lon, lat] (EPSG:4490). */
    public record Request(String division, List<String> kinds, Integer k, List<double[]> candidates, Double gridSpacingM, LocalDate asOf) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "SitePick")
    public record Pick(int rank, double lon, double lat, String divisionCode, double gainElderly, double gainHouseholds,
                       double cumulativeElderly, double coveredElderlyShare, String method, JsonNode serviceArea) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "SiteSuggestionResult")
    public record Result(String division, List<String> kinds, int k, double totalElderly, double coveredElderlyBefore,
                         double coveredShareBefore, int demandPoints, int candidates, String candidateSource, double gridSpacingM,
                         List<Pick> picks) {}

    public Result suggest(Request r, Progress progress) {
        Validation v = new Validation();
        v.require(r.division() != null, "division", "is required");
        int k = r.k() == null ? 5 : r.k();
        v.require(k >= 1 && k <= 50, "k", "must be between 1 and 50");
        double spacing = r.gridSpacingM() == null ? props.gridSpacingM() : r.gridSpacingM();
        v.require(spacing >= 50 && spacing <= 5000, "gridSpacingM", "must be between 50 and 5000 m");
        v.require(r.candidates() == null || r.candidates().size() <= MAX_CANDIDATES, "candidates", "at most " + MAX_CANDIDATES + " points");
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
        List<double[]> candidates = r.candidates();
        String source = "given";
        if (candidates == null || candidates.isEmpty()) {
            source = "grid over residential units (uncovered points)";
            List<Demand> open = demand.stream().filter(d -> !d.covered()).toList();
            int stride = Math.max(1, (int) Math.ceil(open.size() / (double) MAX_CANDIDATES));
            candidates = new ArrayList<>();
            for (int i = 0; i < open.size(); i += stride) candidates.add(new double[] {open.get(i).lon(), open.get(i).lat()});
        }
        List<double[]> cands = candidates;
        progress.total(cands.size() + k);
        progress.message("computing " + cands.size() + " candidate service areas");
        ServiceAreaService.Params p = areas.defaults();
        List<BitSet> covers = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            jdbc.sql("create temp table _demand(id int primary key, pt geometry(Point,4490)) on commit drop").update();
            for (Demand d : demand) {
                if (d.covered()) continue;
                jdbc.sql("insert into _demand values (:i, ST_SetSRID(ST_MakePoint(:x, :y), 4490))")
                        .param("i", (int) d.id() - 1).param("x", d.lon()).param("y", d.lat()).update();
            }
            jdbc.sql("create index on _demand using gist(pt)").update();
            for (double[] c : cands) {
                Long net = networks.covering(c[0], c[1]).orElse(null);
                Map<String, Object> row = jdbc.sql("""
                                select a.method, (select array_agg(d.id) from _demand d where d.pt && a.area and ST_Covers(a.area, d.pt)) as ids
                                  from civgeo_walk_area(cast(:net as bigint), ST_SetSRID(ST_MakePoint(:x, :y), 4490), :max, :snap, :buf, :shape) a""")
                        .param("net", net).param("x", c[0]).param("y", c[1]).param("max", p.maxDistanceM())
                        .param("snap", p.snapDistanceM()).param("buf", p.edgeBufferM()).param("shape", p.shape())
                        .query().singleRow();
                BitSet b = new BitSet();
                Object ids = row.get("ids");
                if (ids != null) {
                    try {
                        for (Object o : (Object[]) ((java.sql.Array) ids).getArray()) b.set(((Number) o).intValue());
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
                covers.add(b);
                methods.add((String) row.get("method"));
                progress.advance(1);
            }
        });
        progress.message("greedy maximal covering");
        BitSet taken = new BitSet();
        List<Pick> picks = new ArrayList<>();
        double cumulative = before;
        boolean[] used = new boolean[cands.size()];
        for (int rank = 1; rank <= k; rank++) {
            int best = -1;
            double bestGain = 0;
            for (int c = 0; c < cands.size(); c++) {
                if (used[c]) continue;
                double gain = 0;
                BitSet b = covers.get(c);
                for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) if (!taken.get(i)) gain += demand.get(i).elderly();
                if (gain > bestGain + 1e-9) {
                    bestGain = gain;
                    best = c;
                }
            }
            progress.advance(1);
            if (best < 0) break; // nothing left to gain
            used[best] = true;
            double gainHh = 0;
            BitSet b = covers.get(best);
            for (int i = b.nextSetBit(0); i >= 0; i = b.nextSetBit(i + 1)) {
                if (!taken.get(i)) gainHh += demand.get(i).households();
            }
            taken.or(b);
            cumulative += bestGain;
            double[] c = cands.get(best);
            String area = areas.at(c[0], c[1], null, p);
            String code = jdbc.sql("""
                            select code from division_read division where status = 'active' and geom && ST_SetSRID(ST_MakePoint(:x, :y), 4490)
                               and ST_Covers(geom, ST_SetSRID(ST_MakePoint(:x, :y), 4490)) order by level desc limit 1""")
                    .param("x", c[0]).param("y", c[1]).query(String.class).optional().orElse(null);
            picks.add(new Pick(rank, c[0], c[1], code, round1(bestGain), round1(gainHh), round1(cumulative),
                    total == 0 ? 0 : CoverageService.round4(cumulative / total), methods.get(best),
                    json.readTree(area).get("geometry")));
        }
        return new Result(r.division(), kinds, k, round1(total), round1(before), total == 0 ? 0 : CoverageService.round4(before / total),
                demand.size(), cands.size(), source, spacing, picks);
    }

    private static double round1(double v) { return Math.round(v * 10) / 10.0; }

    static List<String> kindNames() { return java.util.Arrays.stream(FacilityKind.values()).map(FacilityKind::code).toList(); }
}
