package cn.civgeo.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import cn.civgeo.common.jobs.Progress;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.stereotype.Component;

/**
 * The site suggestion's candidates and their reach: the given (listed or parcel) points or a grid taken from the
 * uncovered demand points, and for each candidate its walking area (computed like a facility's, in memory, in
 * parallel) with the uncovered demand points it covers. The reach sets are kept per division, kinds, date, spacing
 * and candidate list until {@link #clear()} (a facility, network, division or demographics change).
 */
@Component
class SuggestionCandidateRepository {
    /** Candidates taken from the grid (every n-th uncovered demand point): each costs one walking area. */
    static final int GRID_CANDIDATES = 250;
    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4490);

    /** A candidate site's walking area and the uncovered demand points (indexes) inside it. */
    record Candidate(String method, Geometry area, BitSet covers) {}

    private final ServiceAreaService areas;
    private final Map<String, List<Candidate>> cache = new ConcurrentHashMap<>();

    SuggestionCandidateRepository(ServiceAreaService areas) { this.areas = areas; }

    /** Every n-th uncovered demand point as [lon, lat], at most about {@link #GRID_CANDIDATES} of them. */
    static List<double[]> grid(List<SuggestionDemandRepository.DemandPoint> demand) {
        List<SuggestionDemandRepository.DemandPoint> open = demand.stream().filter(d -> !d.covered()).toList();
        int stride = Math.max(1, (int) Math.ceil(open.size() / (double) GRID_CANDIDATES));
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < open.size(); i += stride) out.add(new double[] {open.get(i).lon(), open.get(i).lat()});
        return out;
    }

    /** Each candidate's walking area and the uncovered demand points it covers, computed once per key (until {@link #clear()}). */
    List<Candidate> reach(String division, List<String> kinds, LocalDate asOf, double spacing, List<double[]> cands,
                          List<SuggestionDemandRepository.DemandPoint> demand, Progress progress) {
        StringBuilder key = new StringBuilder(division).append('|').append(kinds).append('|').append(asOf).append('|').append(spacing);
        for (double[] c : cands) key.append('|').append(c[0]).append(',').append(c[1]);
        List<Candidate> hit = cache.get(key.toString());
        if (hit != null) {
            progress.advance(cands.size());
            return hit;
        }
        // the uncovered demand points in an R-tree; each candidate's walking area covers a set of them
        STRtree open = new STRtree();
        for (int i = 0; i < demand.size(); i++) {
            var d = demand.get(i);
            if (!d.covered()) open.insert(new Envelope(d.lon(), d.lon(), d.lat(), d.lat()), i);
        }
        open.build();
        ServiceAreaService.Params p = areas.defaults();
        List<Candidate> out = cands.parallelStream().map(c -> {
            var a = areas.walkArea(c[0], c[1], p);
            Candidate cand = new Candidate(a.method(), a.area(), covered(a.area(), open, demand));
            progress.advance(1);
            return cand;
        }).toList();
        if (cache.size() > 50) cache.clear();
        cache.put(key.toString(), out);
        return out;
    }

    private static BitSet covered(Geometry area, STRtree open, List<SuggestionDemandRepository.DemandPoint> demand) {
        PreparedGeometry pg = PreparedGeometryFactory.prepare(area);
        BitSet b = new BitSet();
        for (Object o : open.query(area.getEnvelopeInternal())) {
            int i = (Integer) o;
            var d = demand.get(i);
            if (pg.covers(GF.createPoint(new Coordinate(d.lon(), d.lat())))) b.set(i);
        }
        return b;
    }

    /** Forgets the reach sets. */
    void clear() { cache.clear(); }

    /** How many reach sets are kept. */
    int size() { return cache.size(); }
}
