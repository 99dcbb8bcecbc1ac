package cn.civgeo.facility;

import cn.civgeo.demo.DemoDataContributor;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A few hundred invented facilities of every kind in the demo city (厦门市 3502), deterministic (fixed seed), with
 * realistic attributes: township centres in about two townships of three, community stations in most urban
 * communities, mutual-aid points in about half of the villages, nursing homes of 60-400 beds, community service
 * centres sized around the 30 m² per 100 households target (some districts above, some below), funeral homes in
 * four of the six districts, public cemeteries and columbaria in the outer districts. Some communities are left
 * without facilities on purpose, so coverage has gaps and indicators both pass and fail.
 */
@Component
class DemoFacilities implements DemoDataContributor {
    private static final Logger log = LoggerFactory.getLogger(DemoFacilities.class);
    private static final String[] OPERATORS = {"public", "public", "public_private", "private"};

    private final DemoFacilitiesRepository repo;
    private final FacilityService facilities;

    DemoFacilities(DemoFacilitiesRepository repo, FacilityService facilities) {
        this.repo = repo;
        this.facilities = facilities;
    }

    @Override public int order() { return 60; }

    @Override public String name() { return "facilities of the demo city"; }

    record Unit(String code, String name, int level, String urbanRural, int households, int elderly, double lon, double lat) {}

    @Override
    public void load() {
        if (repo.demoCityHasFacilities()) return;
        List<Unit> units = repo.demoCityUnits();
        if (units.isEmpty()) {
            log.info("no demo city: no demo facilities");
            return;
        }
        Random r = new Random(3502);
        int n = 0;
        for (Unit u : units) {
            String district = u.code().substring(0, 6);
            boolean inner = district.equals("350203") || district.equals("350206"); // 思明, 湖里: dense, old city
            n += switch (u.level()) {
                case 3 -> district(u, district, inner, r);
                case 4 -> township(u, inner, r);
                default -> community(u, inner, r);
            };
        }
        log.info("demo facilities: {}", n);
    }

    /** A district's funeral home (not in 湖里 and 集美) and, outside the old city, a commercial cemetery. */
    private int district(Unit u, String district, boolean inner, Random r) {
        int n = 0;
        if (!district.equals("350206") && !district.equals("350211")) {
            n += add(u, FacilityKind.FUNERAL_HOME, stripSuffix(u.name()) + "殡仪馆", r, 0, 0, null, 12000 + r.nextInt(20000), null, 0.004);
        }
        if (!inner) {
            n += add(u, FacilityKind.COMMERCIAL_CEMETERY, stripSuffix(u.name()) + "福寿园", r, 0, 0, null, 60000 + r.nextInt(100000),
                    20000 + r.nextInt(60000), -0.006);
        }
        return n;
    }

    /** A township's elderly-care centre, nursing homes, public cemetery and columbarium, each by chance. */
    private int township(Unit u, boolean inner, Random r) {
        int n = 0;
        String base = stripSuffix(u.name());
        if (r.nextDouble() < (inner ? 0.75 : 0.55)) {
            int beds = 30 + r.nextInt(50);
            n += add(u, FacilityKind.TOWNSHIP_CENTRE, base + "综合养老服务中心", r, beds, (int) (beds * (0.5 + r.nextDouble() * 0.3)),
                    1500.0 + r.nextInt(2500), null, null, 0.0008);
        }
        int homes = inner ? 2 : 1 + r.nextInt(2);
        for (int i = 0; i < homes; i++) {
            int beds = 60 + r.nextInt(340);
            double nursing = 0.35 + r.nextDouble() * 0.45;
            n += add(u, FacilityKind.NURSING_HOME, base + (i == 0 ? "颐养院" : "康养中心"), r, beds, (int) (beds * nursing),
                    beds * (35.0 + r.nextInt(20)), null, null, i == 0 ? -0.0012 : 0.0016);
        }
        if (!inner && r.nextDouble() < 0.5) {
            n += add(u, FacilityKind.PUBLIC_CEMETERY, base + "公益性公墓", r, 0, 0, null, 8000 + r.nextInt(30000),
                    3000 + r.nextInt(15000), 0.01);
        }
        if (r.nextDouble() < (inner ? 0.2 : 0.35)) {
            n += add(u, FacilityKind.COLUMBARIUM, base + "骨灰堂", r, 0, 0, 400.0 + r.nextInt(1200), 5000 + r.nextInt(20000),
                    1500 + r.nextInt(3000), -0.004);
        }
        return n;
    }

    /** A community's station (urban) or mutual-aid point (rural) and its service centre, each by chance. */
    private int community(Unit u, boolean inner, Random r) {
        int n = 0;
        boolean urban = !"rural".equals(u.urbanRural());
        String base = u.name();
        if (urban && r.nextDouble() < (inner ? 0.8 : 0.6)) {
            int beds = r.nextDouble() < 0.6 ? 4 + r.nextInt(16) : 0;
            String title = r.nextBoolean() ? "社区居家养老服务站" : "日间照料中心";
            n += add(u, FacilityKind.COMMUNITY_STATION, base + title, r, beds, beds == 0 ? 0 : r.nextInt(beds + 1),
                    200.0 + r.nextInt(600), null, null, 0.0004);
        }
        if (!urban && r.nextDouble() < 0.5) {
            int beds = r.nextDouble() < 0.5 ? 4 + r.nextInt(10) : 0;
            n += add(u, FacilityKind.RURAL_MUTUAL_AID, base + (r.nextBoolean() ? "幸福院" : "互助养老点"), r, beds, 0,
                    150.0 + r.nextInt(300), null, null, 0.0004);
        }
        if (r.nextDouble() < (urban ? 0.75 : 0.55)) {
            // around the 30 m² per 100 households target: inner districts a little above, outer below
            double per100 = (inner ? 26 : 16) + r.nextDouble() * 18;
            n += add(u, FacilityKind.COMMUNITY_SERVICE_CENTRE, base + (urban ? "社区党群服务中心" : "村综合服务中心"), r, 0, 0,
                    (double) Math.max(80, Math.round(u.households() / 100.0 * per100)), null, null, -0.0004);
        }
        return n;
    }

    /**
     * Functions of the elderly-care kinds and cremators of funeral homes, deterministic like the rest (a Random of
     * their own, seeded by the name, so the other demo figures stay what they were).
     */
    private static FacilityAttributes demoAttributes(FacilityKind kind, Random r) {
        if (kind == FacilityKind.TOWNSHIP_CENTRE || kind == FacilityKind.NURSING_HOME) {
            List<String> fn = r.nextDouble() < 0.6 ? List.of("full_care", "day_care", "home_care", "guidance")
                    : List.of("full_care", "day_care");
            return new FacilityAttributes(null, fn, r.nextDouble() < 0.4, null, null, null, null);
        }
        if (kind == FacilityKind.COMMUNITY_STATION) {
            return new FacilityAttributes(null, r.nextDouble() < 0.7 ? List.of("day_care", "home_care") : List.of("home_care"),
                    null, null, null, null, null);
        }
        if (kind == FacilityKind.FUNERAL_HOME) {
            int c = 2 + r.nextInt(5);
            return new FacilityAttributes(null, null, null, c, r.nextInt(c + 1), null, null);
        }
        return null;
    }

    private int add(Unit u, FacilityKind kind, String name, Random r, int beds, int nursing, Double floor, Integer capacity, Integer land,
                    double offset) {
        double lon = u.lon() + offset + (r.nextDouble() - 0.5) * 0.0006;
        double lat = u.lat() + (r.nextDouble() - 0.5) * 0.0006;
        String operator = kind == FacilityKind.FUNERAL_HOME || kind == FacilityKind.PUBLIC_CEMETERY || kind == FacilityKind.TOWNSHIP_CENTRE
                ? (kind == FacilityKind.TOWNSHIP_CENTRE && r.nextBoolean() ? "public_private" : "public")
                : kind == FacilityKind.COMMERCIAL_CEMETERY ? "private" : OPERATORS[r.nextInt(OPERATORS.length)];
        LocalDate opened = LocalDate.of(2008 + r.nextInt(17), 1 + r.nextInt(12), 1 + r.nextInt(28));
        if (opened.isAfter(LocalDate.now())) opened = LocalDate.now().minusMonths(1);
        String status = r.nextDouble() < 0.03 ? "under_construction" : "operating";
        FacilityInput in = new FacilityInput(kind.code(), name, "厦门市" + u.name() + "（演示地址）", null, lon, lat, null, operator,
                "演示数据", kind.hasBeds() ? beds : null, kind.hasBeds() ? Math.min(nursing, beds) : null,
                floor, land == null ? null : land.doubleValue(), kind.hasCapacity() ? capacity : null, status,
                status.equals("operating") ? opened : null, null, null, demoAttributes(kind, new Random(name.hashCode())));
        try {
            facilities.create(in);
            return 1;
        } catch (RuntimeException e) {
            log.debug("demo facility {} skipped: {}", name, e.getMessage());
            return 0;
        }
    }

    private static String stripSuffix(String name) {
        for (String s : List.of("街道", "镇", "乡", "区", "县")) if (name.endsWith(s) && name.length() > s.length() + 1) return name.substring(0, name.length() - s.length());
        return name;
    }
}
