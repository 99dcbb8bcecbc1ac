package cn.civgeo.adjustment;

import cn.civgeo.coverage.IndicatorService;
import java.time.LocalDate;
import java.util.List;

/**
 * What a proposal would do, computed by a dry run of its steps against today's registry (rolled back). Areas in km²
 * on the ellipsoid, distances in metres.
 */
record ImpactReport(long proposalId, int proposalVersion, LocalDate computedFor, String standard,
                           List<Unit> predecessors, List<Unit> results, List<FacilityMove> facilities,
                           List<Line> boundaryLines, List<Marker> markers, List<Duplicate> duplicateNames,
                           List<AddressRecode> addresses, ApiClientUse apiClients, ServiceCoverage coverage,
                           List<String> notes) {

    /** A unit before (predecessor) or after (result) the change. */
    public record Unit(String code, String name, String kind, int level, String parentCode, String role, Double areaKm2,
                       Long population, Long households, Long elderly, long communities, double[] seat,
                       Double farthestCommunityM, String farthestCommunity, List<IndicatorChange> indicators,
                       List<Check> checks) {}

    /**
     * An indicator of the plan (today's targets) before (pooled over the predecessors: Σ numerators / Σ denominators)
     * and after (the resulting unit's own figure, computed by the coverage feature on the changed registry with the
     * facilities moved into the units that contain them; a merge's is the pooled one). {@code changed}: after differs
     * from before by more than rounding (null when either is unknown).
     */
    public record IndicatorChange(String code, String label, Double before, Double after, double target, Boolean changed,
                                  String note) {}

    /**
     * Elderly-care service-area coverage (15-minute walk, the coverage feature's rule) of the units the change names
     * before it and of the resulting units after it, each unit and pooled over each side. {@code computed} is false
     * when the report was asked for without indicators ({@code indicators=false}); then the lists are empty.
     */
    public record ServiceCoverage(boolean computed, List<String> kinds, double minutes, List<UnitCoverage> before,
                                  List<UnitCoverage> after, UnitCoverage beforeTotal, UnitCoverage afterTotal, String note) {}

    /** Households and elderly of a unit's residential units, and those inside a service area; shares 0..1. */
    public record UnitCoverage(String code, String name, long households, long coveredHouseholds, Double householdShare,
                               long elderly, long coveredElderly, Double elderlyShare) {}

    /** One establishment-standard check: pass, fail, or unknown (null) when the figure is missing. */
    public record Check(String rule, String required, String actual, Boolean pass, String reason) {}

    public record FacilityMove(long id, String name, String kind, String fromCode, String toCode) {}

    public record Line(long id, String code, String name, String leftCode, String rightCode, String status) {}

    public record Marker(long id, String number, String lineCode, String status) {}

    /** Two names (place names or division names) that share a scope after the change and clash by the 重 rule. */
    public record Duplicate(String source, Long id, String name, String categoryCode, String fromDivision, String toDivision,
                            String clashesWith, String clashesWithDivision, String scope) {}

    public record AddressRecode(long id, String code, String fullText, String fromCommunity, String toCommunity,
                                String fromTownship, String toTownship, String newCode) {}

    /**
     * Whether API use of the old codes is logged; the callers that used them ({@code clients}) and their requests per
     * code in the look-back window ({@code uses}). Requests without an API key or sign-in are counted per code under the
     * caller {@code anonymous} ({@link cn.civgeo.apiuse.ApiUseService#ANONYMOUS}); {@code anonymousRequests} is their sum.
     */
    public record ApiClientUse(boolean logged, List<String> clients, List<cn.civgeo.apiuse.ApiUseService.Use> uses,
                               long anonymousRequests, String note) {}

    /** Internal: indicator figures of a unit, for pooling. */
    record Figures(String code, IndicatorService.DivisionIndicators indicators) {}
}
