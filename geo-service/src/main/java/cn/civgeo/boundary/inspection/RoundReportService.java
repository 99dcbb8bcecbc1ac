package cn.civgeo.boundary.inspection;

import cn.civgeo.boundary.inspection.InspectionModels.Problem;
import cn.civgeo.boundary.inspection.InspectionModels.Round;
import cn.civgeo.common.Paging;
import cn.civgeo.common.io.Tabular;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The report of a round: counts by condition, displaced markers with distances, open problems, per line. */
@Service
class RoundReportService {
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

    private final RoundReportRepository repo;
    private final InspectionService inspections;
    private final ProblemService problems;

    RoundReportService(RoundReportRepository repo, InspectionService inspections, ProblemService problems) {
        this.repo = repo;
        this.inspections = inspections;
        this.problems = problems;
    }

    public Report report(long roundId) {
        Round round = inspections.round(roundId);
        List<LineSummary> lines = repo.lineSummaries(roundId);
        List<Displaced> displaced = repo.displaced(roundId);
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
}
