package cn.civgeo.division.qa;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.GeoJson;
import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Topology QA of a unit's children (domain.md §1): gaps inside the parent not covered by any child, overlaps
 * between siblings, and parts of children outside the parent. Areas on the ellipsoid in m²; findings below the
 * tolerance are counted as slivers and not listed one by one. SQL in {@code sql/division/qa-findings.sql}, run by
 * {@link TopologyQaRepository}.
 */
@Service
@Transactional(readOnly = true)
class TopologyQaService {
    public static final int MAX_FINDINGS = 5000;
    private final TopologyQaRepository repo;
    private final DivisionService divisions;
    private final JsonMapper json;

    TopologyQaService(TopologyQaRepository repo, DivisionService divisions, JsonMapper json) {
        this.repo = repo;
        this.divisions = divisions;
        this.json = json;
    }

    /** One gap, overlap or outside part: the codes involved, area (m²), a point on it (lon, lat, EPSG:4490). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "TopologyFinding")
    public record Finding(String kind, List<String> codes, double areaM2, double lon, double lat,
                          @com.fasterxml.jackson.annotation.JsonIgnore String geojson) {}

    public record Total(int count, double areaM2) {}

    public record Summary(Total gaps, Total overlaps, Total outside, Total slivers) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "TopologyRef")
    public record Ref(String code, String name, int level) {}

    /**
     * @param findings the findings at or above the tolerance, largest first (at most {@code limit})
     * @param truncated whether more findings exist than were listed
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "TopologyReport")
    public record Report(Ref parent, LocalDate asOf, double toleranceM2, boolean parentHasGeometry, int children,
                         List<Ref> childrenWithoutGeometry, Summary summary, List<Finding> findings, boolean truncated) {}

    public Report check(String code, LocalDate asOf, double toleranceM2, int limit) {
        if (!(toleranceM2 >= 0) || toleranceM2 > 1e9) throw ApiException.badField("tolerance", "must be between 0 and 1e9 (m²)");
        if (limit < 1 || limit > MAX_FINDINGS) throw ApiException.badField("limit", "must be between 1 and " + MAX_FINDINGS);
        Division parent = divisions.get(code, asOf);
        List<Division> kids = asOf == null ? divisions.children(code)
                : divisions.children(code, asOf, false, cn.civgeo.common.Paging.of(cn.civgeo.common.Paging.MAX_LIMIT, 0)).items();
        List<Finding> all = repo.findings(code, asOf, toleranceM2);
        List<Finding> listed = new ArrayList<>();
        double[] area = new double[4];
        int[] count = new int[4];
        for (Finding f : all) {
            int k = f.kind().startsWith("sliver-") ? 3 : switch (f.kind()) { case "gap" -> 0; case "overlap" -> 1; default -> 2; };
            area[k] += f.areaM2();
            count[k]++;
            if (k < 3 && listed.size() < limit) listed.add(f);
        }
        Summary sum = new Summary(new Total(count[0], area[0]), new Total(count[1], area[1]), new Total(count[2], area[2]),
                new Total(count[3], area[3]));
        return new Report(new Ref(parent.code(), parent.name(), parent.level()), asOf, toleranceM2, parent.hasGeometry(),
                kids.size(), kids.stream().filter(k -> !k.hasGeometry()).map(k -> new Ref(k.code(), k.name(), k.level())).toList(),
                sum, listed, count[0] + count[1] + count[2] > listed.size());
    }

    /** The report's findings as a GeoJSON FeatureCollection (properties: kind, codes, areaM2). */
    public String geoJson(Report r) {
        List<String> features = new ArrayList<>();
        for (Finding f : r.findings()) {
            features.add("{\"type\":\"Feature\",\"geometry\":" + f.geojson() + ",\"properties\":{\"kind\":\"" + f.kind()
                    + "\",\"codes\":" + json.writeValueAsString(f.codes()) + ",\"areaM2\":"
                    + String.format(Locale.ROOT, "%.2f", f.areaM2()) + ",\"parent\":\"" + r.parent().code() + "\"}}");
        }
        return GeoJson.featureCollection(features);
    }
}
