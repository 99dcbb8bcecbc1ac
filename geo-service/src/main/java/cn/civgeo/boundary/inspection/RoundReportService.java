package cn.civgeo.boundary.inspection;

import cn.civgeo.boundary.inspection.InspectionModels.Problem;
import cn.civgeo.boundary.inspection.InspectionModels.Round;
import cn.civgeo.common.Paging;
import cn.civgeo.common.io.Tabular;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The report of a round: counts by condition, displaced markers with distances, open problems, per line. */
@Service
public class RoundReportService {
    public record LineSummary(long lineId, String code, String name, Long inspectionId, LocalDate inspectedOn, int markers,
                              int inspected, int intact, int damaged, int missing, int displaced, int notInspected,
                              Double maxDisplacementM, int openProblems) {}

    /** {@code accuracyM}: the surveyed position's accuracy (m), when the record gives it. */
    public record Displaced(String lineCode, String number, Double displacementM, Double x, Double y, Integer zone,
                            LocalDate inspectedOn, String note, Double accuracyM) {}

    public record Totals(int lines, int linesInspected, int markers, int markersInspected, Map<String, Integer> byCondition,
                         int notInspected, int problems, int openProblems) {}

    public record Report(Round round, Totals totals, List<LineSummary> lines, List<Displaced> displaced,
                         List<Problem> openProblems) {}

    private final JdbcClient jdbc;
    private final InspectionService inspections;
    private final ProblemService problems;

    RoundReportService(JdbcClient jdbc, InspectionService inspections, ProblemService problems) {
        this.jdbc = jdbc;
        this.inspections = inspections;
        this.problems = problems;
    }

    public Report report(long roundId) {
        Round round = inspections.round(roundId);
        List<LineSummary> lines = jdbc.sql("""
                        select l.id, l.code, l.name, li.id as insp_id, li.inspected_on,
                               (select count(*) from boundary_marker m where m.line_id = l.id and m.status <> 'removed') as markers,
                               count(r.id) as inspected,
                               count(*) filter (where r.condition = 'intact') as intact,
                               count(*) filter (where r.condition = 'damaged') as damaged,
                               count(*) filter (where r.condition = 'missing') as missing,
                               count(*) filter (where r.condition = 'displaced') as displaced,
                               max(r.displacement_m) filter (where r.condition = 'displaced') as max_disp,
                               (select count(*) from boundary_problem p where p.line_id = l.id and p.round_id = rl.round_id
                                   and p.status <> 'closed') as open_problems
                          from inspection_round_line rl
                          join boundary_line l on l.id = rl.line_id
                          left join line_inspection li on li.round_id = rl.round_id and li.line_id = l.id
                          left join marker_record r on r.inspection_id = li.id
                         where rl.round_id = :r
                         group by l.id, l.code, l.name, li.id, li.inspected_on, rl.round_id
                         order by l.code""")
                .param("r", roundId)
                .query((rs, i) -> {
                    int markers = rs.getInt("markers"), inspected = rs.getInt("inspected");
                    BigDecimal max = rs.getBigDecimal("max_disp");
                    return new LineSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                            (Long) rs.getObject("insp_id", Long.class), rs.getObject("inspected_on", LocalDate.class), markers,
                            inspected, rs.getInt("intact"), rs.getInt("damaged"), rs.getInt("missing"), rs.getInt("displaced"),
                            Math.max(0, markers - inspected), max == null ? null : max.doubleValue(), rs.getInt("open_problems"));
                }).list();
        List<Displaced> displaced = jdbc.sql("""
                        select l.code, m.number, r.displacement_m, r.surveyed_x, r.surveyed_y, r.surveyed_zone,
                               li.inspected_on, r.note, r.position_accuracy_m
                          from marker_record r join line_inspection li on li.id = r.inspection_id
                          join boundary_line l on l.id = li.line_id join boundary_marker m on m.id = r.marker_id
                         where li.round_id = :r and r.condition = 'displaced'
                         order by r.displacement_m desc nulls last, m.number""")
                .param("r", roundId)
                .query((rs, i) -> new Displaced(rs.getString("code"), rs.getString("number"), dbl(rs.getBigDecimal("displacement_m")),
                        dbl(rs.getBigDecimal("surveyed_x")), dbl(rs.getBigDecimal("surveyed_y")),
                        (Integer) rs.getObject("surveyed_zone", Integer.class), rs.getObject("inspected_on", LocalDate.class),
                        rs.getString("note"), dbl(rs.getBigDecimal("position_accuracy_m")))).list();
        List<Problem> open = problems.list(roundId, null, null, true, Paging.of(Paging.MAX_LIMIT, 0)).items();
        long allProblems = problems.list(roundId, null, null, false, Paging.of(1, 0)).total();
        Map<String, Integer> byCondition = new LinkedHashMap<>();
        byCondition.put("intact", lines.stream().mapToInt(LineSummary::intact).sum());
        byCondition.put("damaged", lines.stream().mapToInt(LineSummary::damaged).sum());
        byCondition.put("missing", lines.stream().mapToInt(LineSummary::missing).sum());
        byCondition.put("displaced", lines.stream().mapToInt(LineSummary::displaced).sum());
        Totals totals = new Totals(lines.size(), (int) lines.stream().filter(l -> l.inspectionId() != null).count(),
                lines.stream().mapToInt(LineSummary::markers).sum(), lines.stream().mapToInt(LineSummary::inspected).sum(),
                byCondition, lines.stream().mapToInt(LineSummary::notInspected).sum(), (int) allProblems,
                lines.stream().mapToInt(LineSummary::openProblems).sum());
        return new Report(round, totals, lines, displaced, open);
    }

    /** CSV of one part of the report: {@code lines} (default, with a TOTAL row), {@code displaced} or {@code problems}. */
    public byte[] csv(Report r, String part) {
        return switch (part == null ? "lines" : part) {
            case "displaced" -> Tabular.csv(List.of("line_code", "number", "displacement_m", "x", "y", "zone", "inspected_on", "note",
                            "accuracy_m"),
                    r.displaced().stream().map(d -> (List<?>) Arrays.asList(d.lineCode(), d.number(), d.displacementM(), d.x(), d.y(),
                            d.zone(), d.inspectedOn(), d.note(), d.accuracyM())).collect(java.util.stream.Collectors.<List<?>>toList()));
            case "problems" -> Tabular.csv(List.of("id", "line_code", "marker", "category", "status", "assignee", "description", "created_at"),
                    r.openProblems().stream().map(p -> (List<?>) Arrays.asList(p.id(), p.lineCode(), p.markerNumber(), p.category(),
                            p.status(), p.assignee(), p.description(), p.createdAt().toLocalDate())).collect(java.util.stream.Collectors.<List<?>>toList()));
            case "lines" -> {
                List<List<?>> rows = new ArrayList<>();
                for (LineSummary l : r.lines()) {
                    rows.add(Arrays.asList(l.code(), l.name(), l.inspectedOn(), l.markers(), l.inspected(), l.intact(), l.damaged(),
                            l.missing(), l.displaced(), l.notInspected(), l.maxDisplacementM(), l.openProblems()));
                }
                Totals t = r.totals();
                rows.add(Arrays.asList("TOTAL", t.lines() + " lines, " + t.linesInspected() + " inspected", null, t.markers(),
                        t.markersInspected(), t.byCondition().get("intact"), t.byCondition().get("damaged"),
                        t.byCondition().get("missing"), t.byCondition().get("displaced"), t.notInspected(), null, t.openProblems()));
                yield Tabular.csv(List.of("line_code", "line_name", "inspected_on", "markers", "inspected", "intact", "damaged",
                        "missing", "displaced", "not_inspected", "max_displacement_m", "open_problems"), rows);
            }
            default -> throw cn.civgeo.common.ApiException.badField("part", "must be lines, displaced or problems");
        };
    }

    /** A printable HTML page (A4, tables repeat their header on each printed page). */
    public String html(Report r) {
        Round rd = r.round();
        Totals t = r.totals();
        StringBuilder h = new StringBuilder(8192);
        h.append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").append(esc(rd.name()))
                .append(" — 联检报告</title><style>")
                .append("body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#222}")
                .append("h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid #999}")
                .append("table{border-collapse:collapse;width:100%;font-size:.85em}th,td{border:1px solid #aaa;padding:3px 6px;text-align:left}")
                .append("th{background:#eee}td.n{text-align:right}thead{display:table-header-group}.meta{color:#555}")
                .append("@media print{body{margin:0}a{color:inherit;text-decoration:none}.noprint{display:none}}@page{size:A4;margin:15mm}")
                .append("</style></head><body>");
        h.append("<h1>").append(esc(rd.name())).append("</h1>");
        h.append("<p class=\"meta\">第").append(rd.number()).append("轮 · ").append(InspectionService.levelName(rd.level()))
                .append(" · ").append(rd.yearFrom()).append(rd.yearTo() != rd.yearFrom() ? "–" + rd.yearTo() : "")
                .append(" · status ").append(esc(rd.status())).append(" · generated ").append(LocalDate.now()).append("</p>");
        h.append("<p class=\"noprint\"><a href=\"report.csv\">CSV (lines)</a> · <a href=\"report.csv?part=displaced\">CSV (displaced)</a> · ")
                .append("<a href=\"report.csv?part=problems\">CSV (open problems)</a> · <a href=\"report\">JSON</a></p>");
        h.append("<h2>Summary 汇总</h2><table><tbody>");
        row(h, "Lines 界线", t.lines() + " (" + t.linesInspected() + " inspected)");
        row(h, "Markers 界桩", t.markers() + " (" + t.markersInspected() + " inspected, " + t.notInspected() + " not inspected)");
        row(h, "Intact 完好", t.byCondition().get("intact"));
        row(h, "Damaged 损坏", t.byCondition().get("damaged"));
        row(h, "Missing 丢失", t.byCondition().get("missing"));
        row(h, "Displaced 移位", t.byCondition().get("displaced"));
        row(h, "Problems 问题", t.problems() + " (" + t.openProblems() + " open)");
        h.append("</tbody></table>");
        h.append("<h2>Per line 分线统计</h2><table><thead><tr><th>Line code</th><th>Name</th><th>Inspected on</th><th>Markers</th>")
                .append("<th>Intact</th><th>Damaged</th><th>Missing</th><th>Displaced</th><th>Not inspected</th><th>Max displacement (m)</th>")
                .append("<th>Open problems</th></tr></thead><tbody>");
        for (LineSummary l : r.lines()) {
            h.append("<tr><td>").append(esc(l.code())).append("</td><td>").append(esc(l.name())).append("</td><td>")
                    .append(l.inspectedOn() == null ? "—" : l.inspectedOn()).append("</td>");
            for (Object n : new Object[] {l.markers(), l.intact(), l.damaged(), l.missing(), l.displaced(), l.notInspected(),
                    l.maxDisplacementM() == null ? "" : String.format(Locale.ROOT, "%.2f", l.maxDisplacementM()), l.openProblems()}) {
                h.append("<td class=\"n\">").append(n).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
        h.append("<h2>Displaced markers 移位界桩</h2>");
        if (r.displaced().isEmpty()) h.append("<p>None.</p>");
        else {
            h.append("<table><thead><tr><th>Marker</th><th>Line</th><th>Displacement (m)</th><th>x</th><th>y</th><th>Zone</th><th>Accuracy (m)</th><th>Note</th></tr></thead><tbody>");
            for (Displaced d : r.displaced()) {
                h.append("<tr><td>").append(esc(d.number())).append("</td><td>").append(esc(d.lineCode())).append("</td><td class=\"n\">")
                        .append(d.displacementM() == null ? "not surveyed" : String.format(Locale.ROOT, "%.2f", d.displacementM()))
                        .append("</td><td class=\"n\">").append(d.x() == null ? "" : String.format(Locale.ROOT, "%.3f", d.x()))
                        .append("</td><td class=\"n\">").append(d.y() == null ? "" : String.format(Locale.ROOT, "%.3f", d.y()))
                        .append("</td><td>").append(d.zone() == null ? "" : d.zone()).append("</td><td class=\"n\">")
                        .append(d.accuracyM() == null ? "" : String.format(Locale.ROOT, "%.2f", d.accuracyM()))
                        .append("</td><td>").append(esc(d.note())).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("<h2>Open problems 未关闭问题</h2>");
        if (r.openProblems().isEmpty()) h.append("<p>None.</p>");
        else {
            h.append("<table><thead><tr><th>#</th><th>Line</th><th>Marker</th><th>Category</th><th>Status</th><th>Assignee</th><th>Description</th></tr></thead><tbody>");
            for (Problem p : r.openProblems()) {
                h.append("<tr><td>").append(p.id()).append("</td><td>").append(esc(p.lineCode())).append("</td><td>")
                        .append(esc(p.markerNumber())).append("</td><td>").append(esc(InspectionTexts.zh(InspectionTexts.CATEGORY, p.category()))).append("</td><td>")
                        .append(esc(p.status())).append("</td><td>").append(esc(p.assignee())).append("</td><td>")
                        .append(esc(p.description())).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("<p class=\"meta\">Signatures 双方签字: ______________________ &nbsp; ______________________</p>");
        return h.append("</body></html>").toString();
    }

    private static void row(StringBuilder h, String k, Object v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(String.valueOf(v))).append("</td></tr>");
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Double dbl(BigDecimal b) { return b == null ? null : b.doubleValue(); }
}
