package cn.civgeo.boundary.inspection;

import cn.civgeo.common.crs.GaussKruger;
import cn.civgeo.boundary.BoundaryLine;
import cn.civgeo.boundary.BoundaryLineService;
import cn.civgeo.boundary.BoundaryMarker;
import cn.civgeo.boundary.MarkerService;
import cn.civgeo.boundary.SurveyFiles;
import cn.civgeo.boundary.inspection.InspectionModels.Inspection;
import cn.civgeo.boundary.inspection.InspectionModels.MarkerRecordInput;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import cn.civgeo.common.io.ImportReport;
import cn.civgeo.common.io.Tabular;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Field exchange with teams working offline. Out: a line's package (GeoJSON of the line and its markers, CSV of
 * the markers with Gauss–Krüger coordinates and last condition, a results template). In: the team's results CSV
 * (number, condition, x, y, zone, note), every row validated; all-or-nothing unless mode=partial.
 */
@Service
class FieldExchangeService {
    public static final List<String> RESULT_HEADERS = List.of("number", "condition", "x", "y", "zone", "note");
    /** The results template: the required columns and the optional ones the import reads too. */
    public static final List<String> TEMPLATE_HEADERS = List.of("inspection_id", "number", "condition", "x", "y", "zone",
            "reference_objects", "repainted", "note", "accuracy_m");
    private static final Map<String, Boolean> YES_NO = Map.ofEntries(Map.entry("是", true), Map.entry("否", false),
            Map.entry("yes", true), Map.entry("no", false), Map.entry("y", true), Map.entry("n", false),
            Map.entry("true", true), Map.entry("false", false), Map.entry("1", true), Map.entry("0", false),
            Map.entry("有", true), Map.entry("无", false));
    private static final Map<String, String> CONDITION_WORDS = Map.of("完好", "intact", "损坏", "damaged", "丢失", "missing",
            "移位", "displaced");

    private final BoundaryLineService lines;
    private final MarkerService markers;
    private final InspectionService inspections;
    private final JsonMapper json;
    private final double maxDistanceM;
    private final SurveyFiles files;
    private final CycleRepository cycle;

    FieldExchangeService(BoundaryLineService lines, MarkerService markers, InspectionService inspections, JsonMapper json,
                         @Value("${civgeo.boundary.import-max-distance-m:200}") double maxDistanceM, SurveyFiles files,
                         CycleRepository cycle) {
        this.files = files;
        this.cycle = cycle;
        this.lines = lines;
        this.markers = markers;
        this.inspections = inspections;
        this.json = json;
        this.maxDistanceM = maxDistanceM;
    }

    // ---- out

    public String packageGeoJson(long lineId) {
        BoundaryLine l = lines.get(lineId);
        List<String> features = new ArrayList<>();
        Map<String, Object> lp = new LinkedHashMap<>();
        lp.put("kind", "line");
        lp.put("code", l.code());
        lp.put("name", l.name());
        lp.put("level", l.level());
        lp.put("leftCode", l.leftCode());
        lp.put("rightCode", l.rightCode());
        lp.put("direction", l.direction());
        lp.put("lengthKm", l.lengthKm());
        lp.put("status", l.status());
        features.add("{\"type\":\"Feature\",\"properties\":" + json.writeValueAsString(lp) + ",\"geometry\":" + l.geometry() + "}");
        for (BoundaryMarker m : markers.byLine(lineId)) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("kind", "marker");
            p.put("id", m.id());
            p.put("number", m.number());
            p.put("type", m.type());
            p.put("zone", m.gk().zone());
            p.put("x", m.gk().x());
            p.put("y", m.gk().y());
            p.put("status", m.status());
            p.put("lastCondition", m.lastCondition());
            p.put("lastInspectedOn", m.lastInspectedOn() == null ? null : m.lastInspectedOn().toString());
            features.add("{\"type\":\"Feature\",\"properties\":" + json.writeValueAsString(p)
                    + ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + m.lon() + "," + m.lat() + "]}}");
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    public byte[] markersCsv(long lineId) {
        lines.get(lineId);
        List<List<?>> rows = new ArrayList<>();
        for (BoundaryMarker m : markers.byLine(lineId)) {
            rows.add(java.util.Arrays.asList(m.number(), m.type(), m.kind(), m.gk().zone(), fmt3(m.gk().x()), fmt3(m.gk().y()),
                    String.format(Locale.ROOT, "%.8f", m.lon()), String.format(Locale.ROOT, "%.8f", m.lat()),
                    m.elevationM(), m.status(), m.lastCondition(), m.lastInspectedOn()));
        }
        return Tabular.csv(List.of("number", "type", "kind", "zone", "x", "y", "lon", "lat", "elevation_m", "status",
                "last_condition", "last_inspected_on"), rows);
    }

    /**
     * One row per marker with its number and zone, and the id of the line's inspection in its open round (blank when
     * the inspection is not begun yet): filled in the field and imported as it is; rows left without a condition are
     * markers not inspected and are skipped.
     */
    public byte[] resultsTemplateCsv(long lineId) {
        Long insp = inspectionOf(lineId);
        List<List<?>> rows = new ArrayList<>();
        for (BoundaryMarker m : markers.byLine(lineId)) {
            rows.add(java.util.Arrays.asList(insp, m.number(), "", "", "", m.gk().zone(), "", "", "", ""));
        }
        return Tabular.csv(TEMPLATE_HEADERS, rows);
    }

    private Long inspectionOf(long lineId) {
        return cycle.cycle(null, null, lineId).stream().findFirst().map(CycleRepository.Row::inspectionId).orElse(null);
    }

    /** The line's 3-degree Gauss–Krüger zone: its markers' zone, else the zone of its first vertex. */
    public int zoneOf(BoundaryLine l) {
        List<BoundaryMarker> ms = markers.byLine(l.id());
        if (!ms.isEmpty()) return ms.get(0).gk().zone();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[\\s*(-?[0-9.]+)\\s*,").matcher(l.geometry());
        return GaussKruger.zoneFor(m.find() ? Double.parseDouble(m.group(1)) : 117.0);
    }

    /** The line and its markers as a GeoPackage in the line's Gauss–Krüger zone (EPSG:4513–4533). */
    public byte[] packageGpkg(long lineId) {
        BoundaryLine l = lines.get(lineId);
        return files.write(packageGeoJson(lineId), "GPKG", GaussKruger.srid(zoneOf(l)), "line_and_markers");
    }

    /** The line and its markers as DXF in the line's Gauss–Krüger zone (x easting with zone prefix, y northing). */
    public byte[] packageDxf(long lineId) {
        BoundaryLine l = lines.get(lineId);
        return files.write(packageGeoJson(lineId), "DXF", GaussKruger.srid(zoneOf(l)), "entities");
    }

    public byte[] packageZip(long lineId) {
        BoundaryLine l = lines.get(lineId);
        Long insp = inspectionOf(lineId);
        int zone = zoneOf(l);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, l.code() + "/line-and-markers.geojson", packageGeoJson(lineId).getBytes(StandardCharsets.UTF_8));
            put(zip, l.code() + "/line-and-markers.gpkg", packageGpkg(lineId));
            put(zip, l.code() + "/line-and-markers.dxf", packageDxf(lineId));
            put(zip, l.code() + "/markers.csv", markersCsv(lineId));
            put(zip, l.code() + "/results-template.csv", resultsTemplateCsv(lineId));
            put(zip, l.code() + "/README.txt", ("""
                    %s (%s)
                    markers.csv: registered markers; x = northing, y = easting with zone prefix (CGCS2000 3-degree Gauss-Krueger).
                    line-and-markers.gpkg / .dxf: the line and its markers in Gauss-Krueger zone %d (EPSG:%d); in the DXF
                    X is the easting with zone prefix and Y the northing.
                    results-template.csv: fill one row per inspected marker: condition = intact | damaged | missing | displaced
                    (完好/损坏/丢失/移位); x, y (zone is filled in) when re-surveyed (not for missing markers);
                    reference_objects (方位物) and repainted (描红): 是/否; note; accuracy_m: the surveyed position's accuracy
                    in metres (定位精度, optional, only with x and y). Rows left without a condition are skipped.
                    Upload it as it is to POST /api/boundary/inspections/%s/results (mode=partial to keep valid rows).
                    """).formatted(l.name(), l.code(), zone, GaussKruger.srid(zone), insp == null ? "{inspectionId}" : insp)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    // ---- in

    private record Checked(int row, BoundaryMarker marker, MarkerRecordInput input, List<FieldProblem> errors, Double displacementM) {}

    /** Validates every row, then writes all (strict) or the valid ones (partial). */
    @Transactional
    public ImportReport importResults(long inspectionId, InputStream in, String filename, ImportReport.Mode mode) {
        Inspection insp = inspections.inspection(inspectionId);
        BoundaryLine line = lines.get(insp.lineId());
        Tabular t = Tabular.read(in, filename);
        List<String> missing = RESULT_HEADERS.stream().filter(h -> !h.equals("note") && t.headers().stream().noneMatch(x -> x.equalsIgnoreCase(h))).toList();
        if (!missing.isEmpty()) throw ApiException.badField("file", "lacks the column(s) " + missing + "; expected " + RESULT_HEADERS);
        if (t.size() == 0) throw ApiException.badField("file", "has no data rows");

        Map<String, Integer> firstRow = new HashMap<>();
        List<Checked> checked = new ArrayList<>();
        for (Tabular.DataRow r : t.rows()) {
            // a template row left as downloaded (number and zone only): a marker not inspected, skipped
            if (r.get("condition") == null && r.get("x") == null && r.get("y") == null && r.get("note") == null
                    && r.get("reference_objects") == null && r.get("repainted") == null && r.get("accuracy_m") == null) continue;
            checked.add(checkRow(r, inspectionId, line, firstRow));
        }
        return write(checked, mode, insp, line);
    }

    /** One row's record with every problem found in it; {@code firstRow}: the row of each marker number seen so far. */
    private Checked checkRow(Tabular.DataRow r, long inspectionId, BoundaryLine line, Map<String, Integer> firstRow) {
        List<FieldProblem> errs = new ArrayList<>();
        String inspCell = r.get("inspection_id");
        if (inspCell != null && !inspCell.strip().equals(String.valueOf(inspectionId))) {
            errs.add(new FieldProblem("inspection_id", "the row belongs to inspection " + inspCell + ", not " + inspectionId));
        }
        String number = r.get("number") == null ? null : r.get("number").toUpperCase(Locale.ROOT);
        String condition = normaliseCondition(r.get("condition"));
        Double x = number(r, "x", errs), y = number(r, "y", errs), accuracy = number(r, "accuracy_m", errs);
        Boolean refs = yesNo(r, "reference_objects", errs), repainted = yesNo(r, "repainted", errs);
        Integer zone = null;
        if (r.get("zone") != null && (x != null || y != null)) {   // the template's zone alone is no position
            try {
                zone = Integer.valueOf(r.get("zone"));
            } catch (NumberFormatException e) {
                errs.add(new FieldProblem("zone", "'" + r.get("zone") + "' is not a zone number"));
            }
        }
        BoundaryMarker marker = number == null ? null : markerOfRow(number, r.rowNumber(), line, firstRow, errs);
        if (number == null) errs.add(new FieldProblem("number", "is required"));
        MarkerRecordInput input = new MarkerRecordInput(marker == null ? null : marker.id(), number, condition, x, y,
                zone, refs, repainted, r.get("note"), accuracy);
        if (marker != null && zone != null && x != null && y != null && GaussKruger.validZone(zone) && zone != marker.gk().zone()
                && GaussKruger.problem(x, y, zone) == null) {
            errs.add(new FieldProblem("zone", "marker " + number + " lies in zone " + marker.gk().zone() + ", not " + zone));
        }
        recordProblems(input, condition, errs);
        Double displacement = null;
        if (errs.isEmpty() && marker != null && x != null) displacement = displacement(marker, x, y, zone, line, errs);
        return new Checked(r.rowNumber(), marker, input, errs, displacement);
    }

    /** The marker numbered {@code number} on the line; null (with the problem added) when repeated, unknown or elsewhere. */
    private BoundaryMarker markerOfRow(String number, int row, BoundaryLine line, Map<String, Integer> firstRow,
                                      List<FieldProblem> errs) {
        Integer first = firstRow.putIfAbsent(number, row);
        if (first != null) errs.add(new FieldProblem("number", "marker " + number + " is already in row " + first));
        Optional<BoundaryMarker> m = markers.byNumber(number);
        if (m.isEmpty()) errs.add(new FieldProblem("number", "unknown marker " + number));
        else if (m.get().lineId() != line.id()) {
            errs.add(new FieldProblem("number", "marker " + number + " is on line " + m.get().lineCode() + ", not " + line.code()));
        } else return m.get();
        return null;
    }

    /** The record rules of the inspection service (unless the position is already wrong), named by the file's columns. */
    private static void recordProblems(MarkerRecordInput input, String condition, List<FieldProblem> errs) {
        if (errs.stream().noneMatch(e -> e.field().equals("x") || e.field().equals("y") || e.field().equals("zone"))) {
            for (String p : InspectionService.recordProblems(input)) {
                String field = p.substring(0, p.indexOf(':'));
                errs.add(new FieldProblem(field.equals("accuracyM") ? "accuracy_m" : field, p.substring(p.indexOf(':') + 2)));
            }
        } else if (condition == null || !InspectionModels.CONDITIONS.contains(condition)) {
            errs.add(new FieldProblem("condition", "must be one of " + InspectionModels.CONDITIONS + " or 完好/损坏/丢失/移位"));
        }
    }

    /** The surveyed position's displacement (m, 3 decimals); null with a problem on x when too far from the line. */
    private Double displacement(BoundaryMarker marker, double x, Double y, Integer zone, BoundaryLine line,
                                List<FieldProblem> errs) {
        double[] dd = inspections.displacementAndLineDistance(marker.id(), x, y, zone);
        if (dd[1] > maxDistanceM) {
            errs.add(new FieldProblem("x", String.format(Locale.ROOT,
                    "the surveyed position is %.1f m from line %s (more than %.0f m): wrong zone or coordinates?",
                    dd[1], line.code(), maxDistanceM)));
            return null;
        }
        return Math.round(dd[0] * 1000) / 1000.0;
    }

    /** Strict: any rejected row rejects the file (nothing written); otherwise the valid rows are written. */
    private ImportReport write(List<Checked> checked, ImportReport.Mode mode, Inspection insp, BoundaryLine line) {
        ImportReport.Builder b = ImportReport.builder(mode);
        boolean anyRejected = checked.stream().anyMatch(c -> !c.errors().isEmpty());
        if (mode == ImportReport.Mode.STRICT && anyRejected) {
            for (Checked c : checked) {
                if (c.errors().isEmpty()) b.accept(c.row(), null, info(c));
                else b.reject(c.row(), c.errors());
            }
            b.build(false).throwIfRejected();
        }
        for (Checked c : checked) {
            if (!c.errors().isEmpty()) {
                b.reject(c.row(), c.errors());
                continue;
            }
            var rec = inspections.writeRecord(insp.roundId(), insp.id(), line, c.marker(), c.input(), insp.inspectedOn());
            Map<String, Object> info = info(c);
            if (rec.displacementM() != null) info.put("displacementM", rec.displacementM());
            b.accept(c.row(), rec.id(), info);
        }
        return b.build(true);
    }

    private static Map<String, Object> info(Checked c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", c.input().number());
        m.put("condition", c.input().condition());
        if (c.displacementM() != null) m.put("displacementM", c.displacementM());
        return m;
    }

    static String normaliseCondition(String s) {
        if (s == null) return null;
        String t = s.strip();
        String zh = CONDITION_WORDS.get(t);
        return zh != null ? zh : t.toLowerCase(Locale.ROOT);
    }

    private static Boolean yesNo(Tabular.DataRow r, String col, List<FieldProblem> errs) {
        String v = r.get(col);
        if (v == null) return null;
        Boolean b = YES_NO.get(v.strip().toLowerCase(Locale.ROOT));
        if (b == null) errs.add(new FieldProblem(col, "'" + v + "' is not 是/否 (yes/no)"));
        return b;
    }

    private static Double number(Tabular.DataRow r, String col, List<FieldProblem> errs) {
        String v = r.get(col);
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v.replace(",", ""));
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            errs.add(new FieldProblem(col, "'" + v + "' is not a number"));
            return null;
        }
    }

    private static String fmt3(double v) { return String.format(Locale.ROOT, "%.3f", v); }

    static boolean validZone(int z) { return GaussKruger.validZone(z); }
}
