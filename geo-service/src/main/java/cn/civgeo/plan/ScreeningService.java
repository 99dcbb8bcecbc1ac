package cn.civgeo.plan;

import cn.civgeo.common.ApiException;
import cn.civgeo.facility.FacilityKind;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Screenings the plans ask for, each a list of units with their map extent (bbox [minLon, minLat, maxLon, maxLat],
 * EPSG:4490) and the extent of all of them:
 * <ul>
 *   <li>{@code community-households}: communities and villages (level 5) under the division with fewer than
 *       {@code min} (1000) or more than {@code max} (5000) households (Wuhan: candidates for adjustment);</li>
 *   <li>{@code county-lacking}: county-level units without an operating facility of {@code facilityKind} (and
 *       {@code subtype}), e.g. nursing_home + disabled_tekun (Sichuan: one county facility for disabled 特困 elderly);</li>
 *   <li>{@code township-burial}: townships without a public cemetery or columbarium (by location).</li>
 * </ul>
 */
@Service
class ScreeningService {
    private final ScreeningRepository repo;

    ScreeningService(ScreeningRepository repo) { this.repo = repo; }

    record Item(String code, String name, Integer households, double[] bbox) {}

    Map<String, Object> screen(String division, String kind, Integer year, String facilityKind, String subtype, Integer min, Integer max) {
        if (division == null || !division.matches("[0-9]{6}([0-9]{3}){0,2}")) throw ApiException.badField("division", "must be a division code");
        int y = year == null ? LocalDate.now().getYear() : year;
        LocalDate asOf = LocalDate.of(y, 12, 31).isAfter(LocalDate.now()) ? LocalDate.now() : LocalDate.of(y, 12, 31);
        List<Item> items;
        Map<String, Object> rule = new LinkedHashMap<>();
        switch (kind == null ? "" : kind) {
            case "community-households" -> {
                int lo = min == null ? 1000 : min, hi = max == null ? 5000 : max;
                if (lo < 0 || hi < lo) throw ApiException.badField("max", "must be ≥ min ≥ 0");
                items = repo.householdsOutside(division, y, lo, hi);
                rule.put("rule", "communities and villages with fewer than " + lo + " or more than " + hi + " households (" + y + ")");
            }
            case "county-lacking", "township-burial" -> {
                boolean county = kind.equals("county-lacking");
                List<String> kinds;
                if (county) {
                    FacilityKind k = FacilityKind.parse(facilityKind).orElseThrow(() -> ApiException.badField("facilityKind",
                            "must be one of " + FacilityKind.codes()));
                    kinds = List.of(k.code());
                } else {
                    kinds = List.of("public_cemetery", "columbarium");
                }
                items = repo.lacking(division, county ? 3 : 4, asOf, kinds, county ? subtype : null);
                rule.put("rule", (county ? "county-level units" : "townships") + " without an operating " + kinds
                        + (subtype == null || !county ? "" : " of subtype " + subtype) + " inside them on " + asOf);
            }
            default -> throw ApiException.badField("kind", "must be community-households, county-lacking or township-burial");
        }
        double[] all = null;
        for (Item i : items) {
            if (i.bbox() == null) continue;
            all = all == null ? i.bbox().clone() : new double[] {Math.min(all[0], i.bbox()[0]), Math.min(all[1], i.bbox()[1]),
                    Math.max(all[2], i.bbox()[2]), Math.max(all[3], i.bbox()[3])};
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("division", division);
        out.put("kind", kind);
        out.putAll(rule);
        out.put("count", items.size());
        out.put("bbox", all);
        out.put("items", items);
        return out;
    }
}
