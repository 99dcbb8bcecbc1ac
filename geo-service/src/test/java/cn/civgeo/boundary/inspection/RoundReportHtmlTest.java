package cn.civgeo.boundary.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The round report's HTML from its Mustache template: values in place, every value escaped, empty sections say so. */
class RoundReportHtmlTest {
    private final RoundReportService service = new RoundReportService(null, null, null);

    private static InspectionModels.Round round(String name) {
        return new InspectionModels.Round(7, 4, 3, name, 2024, 2025, "closed", null, 1, 1, 0, null, null);
    }

    private static RoundReportService.Totals totals() {
        return new RoundReportService.Totals(1, 1, 3, 3, Map.of("intact", 1, "damaged", 0, "missing", 1, "displaced", 1), 0, 2, 1);
    }

    @Test
    void fillsTheTemplateAndEscapes() {
        var line = new RoundReportService.LineSummary(1, "350203350206", "思明区—湖里区线 <b>", 11L, LocalDate.of(2025, 5, 12),
                3, 3, 1, 0, 1, 1, 0, 4.987, 1);
        var displaced = new RoundReportService.Displaced("350203350206", "350203350206002Q", 4.987, 39_612_345.6789, 2_712_345.1234,
                39, LocalDate.of(2025, 5, 12), "a & b", 0.8);
        var problem = new InspectionModels.Problem(5, 1, "350203350206", 7L, 11L, 3L, "350203350206003Q", "marker_missing",
                "<script>alert(1)</script>", "open", "外业一组", null, null, null, null, 0, null, null);
        String html = service.html(new RoundReportService.Report(round("第4轮县级界线联检（厦门市）"), totals(), List.of(line),
                List.of(displaced), List.of(problem)));
        assertThat(html).startsWith("<!doctype html>").contains("<title>第4轮县级界线联检（厦门市） — 联检报告</title>")
                .contains("第4轮 · ").contains("2024–2025").contains("@media print")
                .contains("<tr><th>Markers 界桩</th><td>3 (3 inspected, 0 not inspected)</td></tr>")
                .contains("<td>思明区—湖里区线 &lt;b&gt;</td><td>2025-05-12</td>")
                .contains("<td class=\"n\">4.99</td>")
                .contains("<td class=\"n\">39612345.679</td>").contains("<td>a &amp; b</td>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
                .doesNotContain("None.");
    }

    @Test
    void emptySectionsSayNone() {
        String html = service.html(new RoundReportService.Report(round("R"), totals(), List.of(), List.of(), List.of()));
        assertThat(html).contains("<h2>Displaced markers 移位界桩</h2>\n<p>None.</p>")
                .contains("<h2>Open problems 未关闭问题</h2>\n<p>None.</p>").doesNotContain("<th>Marker</th>");
    }
}
