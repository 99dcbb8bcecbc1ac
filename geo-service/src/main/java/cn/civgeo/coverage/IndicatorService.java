package cn.civgeo.coverage;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.jobs.Progress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Planning indicators of a division (domain.md §5) with their targets (civgeo.coverage.targets.*) and pass/fail.
 * An indicator whose denominator is 0 (no townships under a village, no elderly recorded) has no value and no
 * verdict (pass = null).
 */
@Service
public class IndicatorService {
    private final CoverageRepository repo;
    private final CoverageService coverage;
    private final CoverageProperties props;

    IndicatorService(CoverageRepository repo, CoverageService coverage, CoverageProperties props) {
        this.repo = repo;
        this.coverage = coverage;
        this.props = props;
    }

    /** One indicator: value = numerator / denominator × scale, compared with target (value ≥ target passes). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "IndicatorValue")
    public record Indicator(String code, String label, Double value, String unit, double numerator, double denominator,
                            double target, Boolean pass, String definition) {}

    public record DivisionIndicators(String division, String name, int level, LocalDate asOf, List<Indicator> indicators,
                                     long passed, long failed, List<DivisionIndicators> children) {}

    /** Answers kept until a facility, network, division or demographics change (then recomputed on the next read). */
    private final java.util.Map<String, DivisionIndicators> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** The indicators, from the cache when the same question was answered since the last data change. */
    public DivisionIndicators cached(String division, LocalDate asOf, boolean withChildren) {
        String key = division + "|" + (asOf == null ? LocalDate.now() : asOf) + "|" + withChildren;
        DivisionIndicators hit = cache.get(key);
        if (hit != null) return hit;
        DivisionIndicators fresh = indicators(division, asOf, withChildren, Progress.NONE);
        if (cache.size() > 500) cache.clear();
        cache.put(key, fresh);
        return fresh;
    }

    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void onFacility(cn.civgeo.facility.FacilityChangedEvent e) { cache.clear(); }

    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void onNetwork(cn.civgeo.coverage.network.RoadNetworkChangedEvent e) { cache.clear(); }

    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void onDivision(cn.civgeo.division.DivisionChangedEvent e) { cache.clear(); }

    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void onDemographics(cn.civgeo.demographics.DemographicsService.DemographicsChangedEvent e) { cache.clear(); }

    /**
     * Facilities, divisions or demographics written elsewhere (another instance, an import, SQL by hand) arrive through
     * the one NOTIFY channel (common.changes.ChangeBus); "*" after the listener reconnected. Road tables arrive as
     * RoadNetworkChangedEvent through coverage.network.RoadNetworkWatch.
     */
    @org.springframework.context.event.EventListener
    void onRemoteChange(cn.civgeo.common.changes.RemoteChange e) {
        if (e.concerns("facility") || e.concerns("division") || e.concerns("demographics")) cache.clear();
    }

    public DivisionIndicators indicators(String division, LocalDate asOf, boolean withChildren, Progress progress) {
        var d = repo.division(division).orElseThrow(() -> ApiException.notFound("Division", division));
        LocalDate at = asOf == null ? LocalDate.now() : asOf;
        List<DivisionIndicators> children = null;
        if (withChildren) {
            children = new ArrayList<>();
            List<CoverageRepository.DivisionRef> kids = repo.children(d.code());
            progress.total(kids.size() + 1L);
            for (var c : kids) {
                children.add(of(c, at, Progress.NONE, null));
                progress.advance(1);
            }
        }
        DivisionIndicators result = of(d, at, progress, children);
        progress.advance(1);
        return result;
    }

    private DivisionIndicators of(CoverageRepository.DivisionRef d, LocalDate at, Progress progress, List<DivisionIndicators> children) {
        Map<String, Object> f = repo.indicatorFigures(d.code(), at);
        CoverageService.Coverage cov = coverage.coverage(d.code(), null, at, progress);
        var t = props.targets();
        double households = num(f.get("households"));
        double elderly = num(f.get("elderly"));
        double beds = num(f.get("beds"));
        List<Indicator> list = List.of(
                indicator("communityServiceAreaPer100Households", "每百户居民拥有社区综合服务设施面积", "m²/100户",
                        num(f.get("csc_area_m2")), households / 100, 1, t.communityServiceAreaPer100Households(),
                        "floor area of operating community service centres (社区综合服务设施) / (households / 100)"),
                indicator("bedsPer1000Elderly", "每千名老年人养老床位数", "张/千人", beds, elderly / 1000, 1, t.bedsPer1000Elderly(),
                        "beds of operating elderly-care facilities (all four elderly-care kinds) / (people aged 60+ / 1000)"),
                indicator("nursingBedShare", "护理型床位占比", "share", num(f.get("nursing_beds")), beds, 1, t.nursingBedShare(),
                        "nursing-type beds / all elderly-care beds"),
                indicator("urbanCommunityShare", "城市社区养老服务设施覆盖率", "share", num(f.get("urban_communities_served")),
                        num(f.get("urban_communities")), 1, t.urbanCommunityShare(),
                        "urban communities (居委会) with a community station/day-care centre or township centre inside them"),
                indicator("ruralVillageShare", "农村社区养老服务设施覆盖率", "share", num(f.get("rural_villages_served")),
                        num(f.get("rural_villages")), 1, t.ruralVillageShare(),
                        "rural villages (村委会) with a mutual-aid point, community station or township centre inside them"),
                indicator("townshipCentreShare", "镇街综合养老服务机构覆盖率", "share", num(f.get("townships_with_centre")),
                        num(f.get("townships")), 1, t.townshipCentreShare(),
                        "townships (街道/镇/乡) with a comprehensive elderly-care centre (街道综合养老服务中心)"),
                indicator("townshipCemeteryShare", "乡镇公益性公墓（骨灰堂）覆盖率", "share", num(f.get("townships_with_cemetery")),
                        num(f.get("townships")), 1, t.townshipCemeteryShare(),
                        "townships with a public cemetery (公益性公墓) or columbarium (骨灰堂) inside them"),
                indicator("countyFuneralHomeShare", "县级殡仪馆覆盖率", "share", num(f.get("counties_with_funeral_home")),
                        num(f.get("counties")), 1, t.countyFuneralHomeShare(),
                        "county-level units with a funeral home (殡仪馆) inside them"),
                indicator("fifteenMinuteCoverage", "15分钟养老服务圈覆盖率", "share", cov.total().coveredHouseholds(),
                        cov.total().households(), 1, t.fifteenMinuteCoverage(),
                        "households of residential units inside a " + (int) cov.minutes() + "-minute walking service area of an "
                                + "elderly-care facility at " + cov.speedMps() + " m/s (" + CoverageService.RULE + ")"));
        long passed = list.stream().filter(i -> Boolean.TRUE.equals(i.pass())).count();
        long failed = list.stream().filter(i -> Boolean.FALSE.equals(i.pass())).count();
        return new DivisionIndicators(d.code(), d.name(), d.level(), at, list, passed, failed, children);
    }

    private static Indicator indicator(String code, String label, String unit, double numerator, double denominator, double scale,
                                       double target, String definition) {
        Double value = denominator == 0 ? null : Math.round(numerator / denominator * scale * 10000) / 10000.0;
        Boolean pass = value == null ? null : value >= target - 1e-9;
        return new Indicator(code, label, value, unit, numerator, denominator, target, pass, definition);
    }

    private static double num(Object o) { return o == null ? 0 : ((Number) o).doubleValue(); }
}
