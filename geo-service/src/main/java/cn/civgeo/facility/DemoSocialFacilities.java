package cn.civgeo.facility;

import cn.civgeo.demo.DemoDataContributor;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Invented facilities of the community, social and child-welfare kinds of domain.md §9 in the demo city, so every
 * seed plan indicator has something to count: volunteer stations in about two of three communities with a
 * community service centre, social-work and minor-protection stations in some townships, minor-protection
 * institutions, incubators, rehabilitation stations and one marriage registry (graded or not) per district, and
 * care homes for disabled 特困 elderly in two districts. Deterministic (seeded Random), runs after the other demo
 * facilities (order 62) and skips itself once loaded.
 */
@Component
class DemoSocialFacilities implements DemoDataContributor {
    private static final Logger log = LoggerFactory.getLogger(DemoSocialFacilities.class);
    private final DemoFacilitiesRepository repo;
    private final FacilityService facilities;

    DemoSocialFacilities(DemoFacilitiesRepository repo, FacilityService facilities) {
        this.repo = repo;
        this.facilities = facilities;
    }

    @Override public int order() { return 62; }

    @Override public String name() { return "social facilities of the demo city"; }

    record Unit(String code, String name, int level, double lon, double lat, boolean csc) {}

    @Override
    public void load() {
        if (repo.demoCityHasMarriageRegistry()) return;
        List<Unit> units = repo.demoCitySocialUnits();
        if (units.isEmpty()) return;
        Random r = new Random(35020062);
        String[] grades = {"3A", "4A", null, "5A", "3A", null};
        int n = 0, district = 0;
        for (Unit u : units) {
            switch (u.level()) {
                case 3 -> {
                    n += add(u, FacilityKind.MARRIAGE_REGISTRY, "婚姻登记处", 0.0015, grades[district % grades.length], null);
                    if (district % 3 != 2) n += add(u, FacilityKind.MINOR_PROTECTION_INSTITUTION, "未成年人救助保护中心", -0.0015, null, null);
                    if (district != 1) n += add(u, FacilityKind.SOCIAL_ORG_INCUBATOR, "社会组织孵化园", 0.0025, null, null);
                    if (district % 2 == 0) n += add(u, FacilityKind.MENTAL_REHAB_STATION, "精神障碍社区康复服务站", -0.0025, null, null);
                    if (district == 2 || district == 4) n += add(u, FacilityKind.NURSING_HOME, "失能特困人员照护中心", 0.0035, null, "disabled_tekun");
                    district++;
                }
                case 4 -> {
                    if (r.nextDouble() < 0.6) n += add(u, FacilityKind.SOCIAL_WORK_STATION, "社会工作站", 0.0006, null, null);
                    if (r.nextDouble() < 0.5) n += add(u, FacilityKind.MINOR_PROTECTION_STATION, "未成年人保护工作站", -0.0006, null, null);
                }
                default -> {
                    if (u.csc() && r.nextDouble() < 0.67) n += add(u, FacilityKind.VOLUNTEER_STATION, "志愿服务站", 0.0002, null, null);
                    if (r.nextDouble() < 0.2) n += add(u, FacilityKind.CHILDREN_HOME, "儿童之家", -0.0002, null, null);
                }
            }
        }
        log.info("demo social facilities: {}", n);
    }

    private int add(Unit u, FacilityKind kind, String suffix, double offset, String grade, String subtype) {
        String base = u.name().replaceAll("(街道|镇|乡|社区|村|居委会|村委会|区|县|市)$", "");
        boolean home = kind == FacilityKind.NURSING_HOME;
        FacilityAttributes a = grade == null && subtype == null ? null
                : new FacilityAttributes(subtype, null, null, null, null, null, grade);
        FacilityInput in = new FacilityInput(kind.code(), base + suffix, "厦门市" + u.name() + "（演示地址）", null, u.lon() + offset,
                u.lat() + offset / 3, null, "public", "演示数据", home ? 120 : null, home ? 90 : null, null, null, null, "operating",
                LocalDate.of(2019 + Math.abs(u.code().hashCode() % 5), 6, 1), null, null, a);
        try {
            facilities.create(in);
            return 1;
        } catch (RuntimeException e) {
            log.debug("demo facility {} skipped: {}", in.name(), e.getMessage());
            return 0;
        }
    }
}
