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
    /** The round report as a printable HTML page (template {@code templates/boundary/round-report.mustache}). */
    public String html(Report r) {
        Round rd = r.round();
        Totals t = r.totals();
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("name", rd.name());
        m.put("number", rd.number());
        m.put("levelName", InspectionService.levelName(rd.level()));
        m.put("years", rd.yearFrom() + (rd.yearTo() != rd.yearFrom() ? "–" + rd.yearTo() : ""));
        m.put("status", rd.status());
        m.put("generated", LocalDate.now().toString());
        m.put("summary", List.of(
                entry("Lines 界线", t.lines() + " (" + t.linesInspected() + " inspected)"),
                entry("Markers 界桩", t.markers() + " (" + t.markersInspected() + " inspected, " + t.notInspected() + " not inspected)"),
                entry("Intact 完好", t.byCondition().get("intact")),
                entry("Damaged 损坏", t.byCondition().get("damaged")),
                entry("Missing 丢失", t.byCondition().get("missing")),
                entry("Displaced 移位", t.byCondition().get("displaced")),
                entry("Problems 问题", t.problems() + " (" + t.openProblems() + " open)")));
        m.put("lines", r.lines().stream().map(l -> {
            Map<String, Object> x = new java.util.HashMap<>();
            x.put("code", l.code());
            x.put("name", l.name());
            x.put("inspectedOn", l.inspectedOn() == null ? "—" : l.inspectedOn().toString());
            x.put("markers", l.markers());
            x.put("intact", l.intact());
            x.put("damaged", l.damaged());
            x.put("missing", l.missing());
            x.put("displaced", l.displaced());
            x.put("notInspected", l.notInspected());
            x.put("maxDisplacementM", fixed(l.maxDisplacementM(), 2));
            x.put("openProblems", l.openProblems());
            return x;
        }).toList());
        m.put("displaced", r.displaced().stream().map(d -> {
            Map<String, Object> x = new java.util.HashMap<>();
            x.put("number", d.number());
            x.put("lineCode", d.lineCode());
            x.put("displacementM", d.displacementM() == null ? "not surveyed" : fixed(d.displacementM(), 2));
            x.put("x", fixed(d.x(), 3));
            x.put("y", fixed(d.y(), 3));
            x.put("zone", d.zone() == null ? "" : d.zone().toString());
            x.put("accuracyM", fixed(d.accuracyM(), 2));
            x.put("note", d.note() == null ? "" : d.note());
            return x;
        }).toList());
        m.put("hasDisplaced", !r.displaced().isEmpty());
        m.put("problems", r.openProblems().stream().map(p -> {
            Map<String, Object> x = new java.util.HashMap<>();
            x.put("id", p.id());
            x.put("lineCode", p.lineCode());
            x.put("markerNumber", p.markerNumber() == null ? "" : p.markerNumber());
            x.put("category", InspectionTexts.zh(InspectionTexts.CATEGORY, p.category()));
            x.put("status", p.status());
            x.put("assignee", p.assignee() == null ? "" : p.assignee());
            x.put("description", p.description() == null ? "" : p.description());
            return x;
        }).toList());
        m.put("hasProblems", !r.openProblems().isEmpty());
        return ROUND_REPORT.execute(m);
    }

    /** The round report's template, compiled once; Mustache escapes every value as HTML. */
    private static final com.samskivert.mustache.Template ROUND_REPORT = com.samskivert.mustache.Mustache.compiler()
            .defaultValue("").compile(template("templates/boundary/round-report.mustache"));

    private static String template(String path) {
        try (var in = RoundReportService.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing template " + path);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> entry(String label, Object value) {
        return Map.of("label", label, "value", String.valueOf(value));
    }

    private static String fixed(Double v, int decimals) {
        return v == null ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static Double dbl(BigDecimal b) { return b == null ? null : b.doubleValue(); }
}
