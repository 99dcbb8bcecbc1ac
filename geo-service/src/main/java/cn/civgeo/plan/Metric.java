package cn.civgeo.plan;

import cn.civgeo.common.Validation;
import cn.civgeo.facility.FacilityKind;
import java.util.List;
import java.util.Set;

/**
 * How an indicator is computed from the map, stated by the plan itself (the template file), never by one global
 * rule. Facilities count when operating on the report date (opened on or before, not closed) and are "in" a
 * division when their point lies in the division's polygon (division_part, the subdivided polygons; on a shared
 * border the point is in both). Demographics are the division's own row of the report year or the latest year
 * before it (demographics_at).
 * <ul>
 *   <li>{@code ratio}: {@code numerator} / {@code denominator} × {@code scale}. Each side is {@code facility.<field>}
 *       (summed over the facilities of {@code kinds} in the division: beds, nursing_beds, floor_area_m2, cremators,
 *       eco_cremators, count) or {@code demographics.<field>} (population, households, age60, age65, age80). Without
 *       a denominator the value is the numerator (a count). Example: nursing share in institutions =
 *       facility.nursing_beds / facility.beds × 100 over kinds [nursing_home] only.</li>
 *   <li>{@code unitShare}: the share (× {@code scale}, 100 = %) of the units of {@code level} (3 county, 4 township,
 *       5 community/village) inside the division that contain at least one facility of {@code kinds} meeting
 *       {@code minBeds}, all of {@code functions}, {@code minFloorArea}. {@code filter}: urban or rural units only
 *       (demographics' flag, else the division's), or cremation (units not marked cremationArea = false).
 *       {@code among}: only units that contain a facility of these kinds count in the denominator (volunteer
 *       stations <em>in</em> community service centres).</li>
 *   <li>{@code facilityShare}: facilities of {@code kinds} in the division with a grade in {@code grades}, over all
 *       of them (marriage registries at 3A or above).</li>
 * </ul>
 */
record Metric(String type, String numerator, String denominator, Double scale, Integer level, String filter,
                     List<String> kinds, List<String> among, Integer minBeds, List<String> functions, Double minFloorArea,
                     List<String> grades) {
    static final Set<String> TYPES = Set.of("ratio", "unitShare", "facilityShare");
    static final Set<String> FACILITY_FIELDS = Set.of("beds", "nursing_beds", "floor_area_m2", "cremators", "eco_cremators", "count");
    static final Set<String> DEMOGRAPHIC_FIELDS = Set.of("population", "households", "age60", "age65", "age80");
    static final Set<String> FILTERS = Set.of("urban", "rural", "cremation");
    static final Set<String> FUNCTIONS = Set.of("full_care", "day_care", "home_care", "guidance");

    double scaleOr1() { return scale == null ? 1 : scale; }

    List<String> kindsOrEmpty() { return kinds == null ? List.of() : kinds; }

    /** Checks the metric of indicator {@code field} (e.g. indicators[2].metric); every problem is collected. */
    static void check(Validation v, String field, Metric m) {
        if (m == null) return;
        v.require(m.type() != null && TYPES.contains(m.type()), field + ".type", "must be one of " + TYPES);
        v.require(m.kinds() != null && !m.kinds().isEmpty(), field + ".kinds", "must list the facility kinds counted");
        for (List<String> list : java.util.Arrays.asList(m.kinds(), m.among())) {
            if (list == null) continue;
            for (String k : list) {
                v.require(FacilityKind.parse(k).map(x -> x.code().equals(k)).orElse(false), field + ".kinds",
                        "unknown facility kind '" + k + "'; one of " + FacilityKind.codes());
            }
        }
        if ("ratio".equals(m.type())) {
            v.require(side(m.numerator()), field + ".numerator", "must be facility.<" + FACILITY_FIELDS + "> or demographics.<" + DEMOGRAPHIC_FIELDS + ">");
            v.require(m.denominator() == null || side(m.denominator()), field + ".denominator", "must be facility.<field> or demographics.<field>");
        }
        if ("unitShare".equals(m.type())) {
            v.require(m.level() != null && m.level() >= 3 && m.level() <= 5, field + ".level", "must be 3 (county), 4 (township) or 5 (community)");
            v.require(m.filter() == null || FILTERS.contains(m.filter()), field + ".filter", "must be one of " + FILTERS);
            v.require(m.functions() == null || FUNCTIONS.containsAll(m.functions()), field + ".functions", "must be among " + FUNCTIONS);
        }
        if ("facilityShare".equals(m.type())) {
            v.require(m.grades() != null && !m.grades().isEmpty(), field + ".grades", "must list the grades that count (3A, 4A, 5A)");
        }
        v.require(m.scale() == null || m.scale() > 0, field + ".scale", "must be positive");
    }

    private static boolean side(String s) {
        if (s == null) return false;
        if (s.startsWith("facility.")) return FACILITY_FIELDS.contains(s.substring(9));
        if (s.startsWith("demographics.")) return DEMOGRAPHIC_FIELDS.contains(s.substring(13));
        return false;
    }
}
