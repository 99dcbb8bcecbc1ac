package cn.civgeo.coverage;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.GeoJson;
import cn.civgeo.common.Validation;
import cn.civgeo.common.crs.Crs;
import cn.civgeo.common.jobs.Progress;
import cn.civgeo.coverage.SuggestionCandidateRepository.Candidate;
import cn.civgeo.coverage.SuggestionDemandRepository.DemandPoint;
import cn.civgeo.facility.FacilityKind;
import cn.civgeo.geocode.GeocodeService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where to build next: k new sites that maximise the newly covered elderly population, by greedy maximal covering.
 * Demand is a grid of points over the residential units (elderly spread evenly over each unit), minus what existing
 * facilities of the kinds already cover. Candidates are the given points or that grid itself; each candidate's
 * service area is computed like a facility's (on the network when it snaps to it, else a straight-line disc).
 * Greedy is within 1 - 1/e of the optimum for this problem; each pick reports its own gain. This class orchestrates:
 * the demand comes from {@link SuggestionDemandRepository}, the candidates and their reach from
 * {@link SuggestionCandidateRepository}, the picks from {@link GreedyMaxCover}.
 */
@Service
public class SiteSuggestionService {
    static final int MAX_CANDIDATES = 600;

    private final SuggestionDemandRepository demandRepo;
    private final SuggestionCandidateRepository candidateRepo;
    private final ServiceAreaService areas;
    private final CoverageProperties props;
    private final JsonMapper json;
    private final GeocodeService geocoder;

    SiteSuggestionService(SuggestionDemandRepository demandRepo, SuggestionCandidateRepository candidateRepo, ServiceAreaService areas,
                          CoverageProperties props, JsonMapper json, GeocodeService geocoder) {
        this.demandRepo = demandRepo;
        this.candidateRepo = candidateRepo;
        this.areas = areas;
        this.props = props;
        this.json = json;
        this.geocoder = geocoder;
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
        int k = r.k() == null ? 5 : r.k();
        double spacing = r.gridSpacingM() == null ? props.gridSpacingM() : r.gridSpacingM();
        validate(r, k, spacing);
        List<String> kinds = CoverageService.kindsOrDefault(r.kinds());
        LocalDate asOf = r.asOf() == null ? LocalDate.now() : r.asOf();
        double[] centre = demandRepo.centre(r.division())
                .orElseThrow(() -> ApiException.notFound("Division with a geometry", r.division()));
        int srid = demandRepo.metricSrid(centre[0], centre[1]);
        areas.recompute(kinds, null, false, Progress.NONE);
        progress.message("laying out demand points");
        List<DemandPoint> demand = demandRepo.demand(r.division(), spacing, srid, kinds, asOf);
        double total = demand.stream().mapToDouble(DemandPoint::elderly).sum();
        double before = demand.stream().filter(DemandPoint::covered).mapToDouble(DemandPoint::elderly).sum();
        double totalHh = demand.stream().mapToDouble(DemandPoint::households).sum();
        double beforeHh = demand.stream().filter(DemandPoint::covered).mapToDouble(DemandPoint::households).sum();
        List<double[]> cands = r.candidates();
        List<String> names = r.candidateNames();
        String source = "given";
        if (cands == null || cands.isEmpty()) {
            source = "grid over residential units (uncovered points)";
            cands = SuggestionCandidateRepository.grid(demand);
            names = null;
        }
        progress.total(cands.size() + k);
        progress.message("computing " + cands.size() + " candidate service areas");
        List<Candidate> evaluated = candidateRepo.reach(r.division(), kinds, asOf, spacing, cands, demand, progress);
        progress.message("greedy maximal covering");
        double[] elderly = demand.stream().mapToDouble(DemandPoint::elderly).toArray();
        double[] households = demand.stream().mapToDouble(DemandPoint::households).toArray();
        List<BitSet> covers = evaluated.stream().map(Candidate::covers).toList();
        List<GreedyMaxCover.Pick> chosen = inOrder ? GreedyMaxCover.inOrder(elderly, households, covers, k)
                : GreedyMaxCover.greedy(elderly, households, covers, k);
        progress.advance(k);
        List<Pick> picks = new ArrayList<>();
        double cumulative = before, cumulativeHh = beforeHh;
        for (GreedyMaxCover.Pick g : chosen) {
            cumulative += g.gain();
            cumulativeHh += g.secondaryGain();
            int best = g.candidate();
            picks.add(pick(picks.size() + 1, cands.get(best), names == null ? null : names.get(best), g.gain(), g.secondaryGain(),
                    cumulative, total, cumulativeHh, totalHh, evaluated.get(best)));
        }
        return new Result(r.division(), kinds, k, round1(total), round1(before), total == 0 ? 0 : CoverageService.round4(before / total),
                round1(totalHh), round1(beforeHh), totalHh == 0 ? 0 : CoverageService.round4(beforeHh / totalHh),
                demand.size(), cands.size(), source, spacing, picks);
    }

    private static void validate(Request r, int k, double spacing) {
        Validation v = new Validation();
        v.require(r.division() != null, "division", "is required");
        v.require(k >= 1 && k <= 50, "k", "must be between 1 and 50");
        v.require(spacing >= 50 && spacing <= 5000, "gridSpacingM", "must be between 50 and 5000 m");
        v.require(r.candidates() == null || r.candidates().size() <= MAX_CANDIDATES, "candidates", "at most " + MAX_CANDIDATES + " points");
        if (r.candidates() != null) for (double[] c : r.candidates()) {
            v.require(c != null && c.length == 2 && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90, "candidates", "each candidate is [lon, lat] in EPSG:4490");
        }
        v.require(r.candidateNames() == null || r.candidates() == null || r.candidateNames().size() == r.candidates().size(),
                "candidateNames", "must have one name per candidate");
        v.require(r.division() == null || r.division().matches("\\d{6}|\\d{9}|\\d{12}"), "division", "must be a 6-, 9- or 12-digit division code");
        v.throwIfInvalid();
    }

    private Pick pick(int rank, double[] c, String name, double gain, double gainHh, double cumulative, double total, double cumulativeHh,
                      double totalHh, Candidate cand) {
        SuggestionDemandRepository.Unit unit = demandRepo.unitAt(c[0], c[1]);
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
        return new Pick(rank, c[0], c[1], name, unit.code(), unit.name(), address, addressM, round1(gain), round1(gainHh), round1(cumulative),
                total == 0 ? 0 : CoverageService.round4(cumulative / total), round1(cumulativeHh),
                totalHh == 0 ? 0 : CoverageService.round4(cumulativeHh / totalHh), cand.method(), json.readTree(GeoJson.write(cand.area())));
    }

    /** Forgets the candidate coverage sets (a facility, network, division or demographics change). */
    void clearCache() { candidateRepo.clear(); }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onFacility(cn.civgeo.facility.FacilityChangedEvent e) { clearCache(); }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onNetwork(cn.civgeo.coverage.network.RoadNetworkChangedEvent e) { clearCache(); }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onDivision(cn.civgeo.division.DivisionChangedEvent e) { clearCache(); }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onDemographics(cn.civgeo.demographics.DemographicsService.DemographicsChangedEvent e) { clearCache(); }

    /** The same tables written elsewhere, through the one NOTIFY channel (common.changes.ChangeBus); "*" after a reconnect. */
    @org.springframework.context.event.EventListener
    void onRemoteChange(cn.civgeo.common.changes.RemoteChange e) {
        if (e.concerns("facility") || e.concerns("division") || e.concerns("demographics")) clearCache();
    }

    private static double round1(double v) { return Math.round(v * 10) / 10.0; }

    static List<String> kindNames() { return java.util.Arrays.stream(FacilityKind.values()).map(FacilityKind::code).toList(); }
}
