package cn.civgeo.geocode;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import cn.civgeo.common.ProblemType;
import cn.civgeo.common.crs.Crs;
import cn.civgeo.common.io.Tabular;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch forward and reverse geocoding: up to {@value #MAX_ROWS} rows of JSON or CSV, each answered by the same
 * service call as a single request, in input order. A bad row becomes an error row; it never fails the batch.
 * Rows are worked in parallel chunks and written as each chunk completes, so output streams while work goes on.
 */
@Service
class GeocodeBatch {
    public static final int MAX_ROWS = 10_000;
    private static final int CHUNK = 512;
    /** Place names per reverse row, as a single call with its default limit. */
    private static final int NAMES = 5;

    /** One input row: 1-based {@code row}, the caller's {@code id}, and the address or the coordinates. */
    public record Row(int row, String id, String q, Double lon, Double lat, String error, String within) {
        public Row(int row, String id, String q, Double lon, Double lat, String error) { this(row, id, q, lon, lat, error, null); }
    }

    /** One output row; {@code result} is exactly what the single-request endpoint answers. */
    public record Answer(int row, String id, String status, Object result, FieldProblem error) {}

    /** Options shared by all rows. */
    public record Options(Crs crs, int limit, double minConfidence, Integer radius, String within, boolean raw) {
        public Options(Crs crs, int limit, double minConfidence, Integer radius) { this(crs, limit, minConfidence, radius, null, false); }
    }

    private final GeocodeService service;
    private final JsonMapper json;

    GeocodeBatch(GeocodeService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    /** Reads rows from a JSON body ({@code {"rows":[…]}}, an array of objects, of strings, or of [lon,lat]) or CSV. */
    public List<Row> read(byte[] body, String contentType, boolean reverse) {
        if (body == null || body.length == 0) throw ApiException.badField("body", "is empty");
        boolean csv = contentType != null && (contentType.contains("csv") || contentType.startsWith("text/plain"));
        List<Row> rows = csv ? readCsv(body, reverse) : readJson(body, reverse);
        if (rows.size() > MAX_ROWS) {
            throw new ApiException(ProblemType.TOO_LARGE, rows.size() + " rows; a batch takes at most " + MAX_ROWS
                    + " rows: split it", List.of(new cn.civgeo.common.FieldProblem("rows", "at most " + MAX_ROWS
                    + " rows in one batch, got " + rows.size())), Map.of("maxRows", MAX_ROWS));
        }
        if (rows.isEmpty()) throw ApiException.badField("rows", "has no rows");
        return rows;
    }

    private List<Row> readCsv(byte[] body, boolean reverse) {
        Tabular t = Tabular.read(new ByteArrayInputStream(body), "batch.csv");
        List<String> h = t.headers().stream().map(x -> x.toLowerCase(java.util.Locale.ROOT)).toList();
        String qCol = first(h, "q", "address", "地址", "详细地址", "标准地址");
        String idCol = first(h, "id", "编号", "序号", "no", "number", "key");
        String xCol = h.contains("lon") ? "lon" : h.contains("x") ? "x" : null;
        String yCol = h.contains("lat") ? "lat" : h.contains("y") ? "y" : null;
        if (!reverse && qCol == null) throw ApiException.badField("q", "the CSV needs a column q (or address, 地址)");
        if (reverse && (xCol == null || yCol == null)) throw ApiException.badField("lon", "the CSV needs columns lon and lat (or x and y)");
        List<Row> out = new ArrayList<>();
        for (Tabular.DataRow r : t.rows()) {
            String id = idCol == null ? null : r.get(idCol);
            if (!reverse) out.add(new Row(r.rowNumber(), id, r.get(qCol), null, null, null, r.get("within")));
            else out.add(coordinates(r.rowNumber(), id, r.get(xCol), r.get(yCol)));
        }
        return out;
    }

    /** The first of {@code names} among the (lower-cased) headers, or null. */
    private static String first(List<String> headers, String... names) {
        for (String n : names) if (headers.contains(n)) return n;
        return null;
    }

    private static Row coordinates(int row, String id, String x, String y) {
        try {
            if (x == null || y == null) return new Row(row, id, null, null, null, x == null ? "lon" : "lat");
            return new Row(row, id, null, Double.parseDouble(x.strip()), Double.parseDouble(y.strip()), null);
        } catch (NumberFormatException e) {
            return new Row(row, id, null, null, null, "lon/lat must be numbers");
        }
    }

    private List<Row> readJson(byte[] body, boolean reverse) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (RuntimeException e) {
            throw new ApiException(ProblemType.MALFORMED_BODY, "The body is not valid JSON (or send text/csv)");
        }
        JsonNode rows = root.isArray() ? root : root.get("rows");
        if (rows == null || !rows.isArray()) throw ApiException.badField("rows", "must be an array of rows");
        List<Row> out = new ArrayList<>(rows.size());
        int i = 0;
        for (JsonNode r : rows) {
            i++;
            String id = r.isObject() && r.hasNonNull("id") ? r.get("id").asString() : null;
            if (!reverse) {
                String q = r.isString() ? r.asString() : r.isObject() && r.hasNonNull("q") ? r.get("q").asString()
                        : r.isObject() && r.hasNonNull("address") ? r.get("address").asString() : null;
                String within = r.isObject() && r.hasNonNull("within") ? r.get("within").asString() : null;
                out.add(new Row(i, id, q, null, null, q == null ? "q" : null, within));
            } else if (r.isArray() && r.size() == 2 && r.get(0).isNumber() && r.get(1).isNumber()) {
                out.add(new Row(i, id, null, r.get(0).asDouble(), r.get(1).asDouble(), null));
            } else if (r.isObject()) {
                JsonNode x = r.hasNonNull("lon") ? r.get("lon") : r.get("x");
                JsonNode y = r.hasNonNull("lat") ? r.get("lat") : r.get("y");
                out.add(coordinates(i, id, x == null || x.isNull() ? null : x.asString(), y == null || y.isNull() ? null : y.asString()));
            } else {
                out.add(new Row(i, id, null, null, null, "a row must be {\"lon\":…,\"lat\":…} or [lon, lat]"));
            }
        }
        return out;
    }

    /** Answers the rows in order, calling {@code sink} chunk by chunk; {@code progress} gets the rows done so far. */
    public void run(List<Row> rows, boolean reverse, Options o, Consumer<List<Answer>> sink, Consumer<Integer> progress) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            int to = Math.min(rows.size(), from + CHUNK);
            List<Row> part = rows.subList(from, to);
            sink.accept(reverse ? reverseChunk(part, o) : forwardChunk(part, o));
            progress.accept(to);
        }
    }

    private List<Answer> forwardChunk(List<Row> rows, Options o) {
        Answer[] out = new Answer[rows.size()];
        IntStream.range(0, rows.size()).parallel().forEach(i -> out[i] = forwardAnswer(rows.get(i), o));
        return List.of(out);
    }

    /** A chunk of reverse rows in one call, so the addresses' details come in one query (the same answers as single calls). */
    private List<Answer> reverseChunk(List<Row> rows, Options o) {
        Answer[] out = new Answer[rows.size()];
        List<GeocodeService.ReversePoint> points = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.error() != null) {
                out[i] = rowError(r);
                continue;
            }
            try {
                points.add(service.reversePoint(r.lon(), r.lat(), o.crs(), o.radius()));
                at.add(i);
            } catch (ApiException e) {
                out[i] = error(r, e);
            }
        }
        if (!points.isEmpty()) {
            List<GeocodeModels.Reverse> answers = service.reverseMany(points, o.crs(), GeocodeService.radius(o.radius()), NAMES);
            for (int k = 0; k < answers.size(); k++) {
                Row r = rows.get(at.get(k));
                out[at.get(k)] = reverseAnswer(r, answers.get(k));
            }
        }
        return List.of(out);
    }

    private static Answer reverseAnswer(Row r, GeocodeModels.Reverse rv) {
        return new Answer(r.row(), r.id(), rv.divisions().isEmpty() && rv.nearestAddress() == null ? "not-found" : "ok", rv, null);
    }

    private Answer forwardAnswer(Row r, Options o) {
        if (r.error() != null) return rowError(r);
        try {
            GeocodeModels.Forward fw = service.forward(r.q(), o.crs(), o.limit(), o.minConfidence(), r.within() != null ? r.within() : o.within(), o.raw());
            return new Answer(r.row(), r.id(), fw.status(), fw, null);
        } catch (ApiException e) {
            return error(r, e);
        }
    }

    private static Answer rowError(Row r) {
        String field = r.error().startsWith("lon") ? "lon" : r.error().startsWith("lat") ? "lat" : r.error().equals("q") ? "q" : "row";
        String msg = r.error().length() <= 3 ? "is required" : r.error();
        return new Answer(r.row(), r.id(), "error", null, new FieldProblem(field, msg));
    }

    private static Answer error(Row r, ApiException e) {
        if (e.type() == ProblemType.UNAVAILABLE) throw e;
        FieldProblem p = e.errors().isEmpty() ? new FieldProblem("row", e.getMessage()) : e.errors().get(0);
        return new Answer(r.row(), r.id(), "error", null, p);
    }

    /** NDJSON: one answer per line. */
    void writeNdjson(OutputStream out, List<Answer> answers) {
        try {
            for (Answer a : answers) {
                out.write(json.writeValueAsBytes(a));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final List<String> FORWARD_CSV = List.of("row", "id", "status", "confidence", "match_level", "code", "address", "x", "y", "error",
            "location_level", "address_code", "unmatched");
    static final List<String> REVERSE_CSV = List.of("row", "id", "status", "code", "address", "nearest_address", "distance_m", "error");

    /** One CSV line per answer (the best candidate only, for forward). */
    static List<List<?>> csvRows(List<Answer> answers, boolean reverse) {
        List<List<?>> out = new ArrayList<>();
        for (Answer a : answers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", a.row());
            m.put("id", a.id());
            m.put("status", a.status());
            String err = a.error() == null ? null : a.error().field() + ": " + a.error().message();
            if (!reverse) {
                GeocodeModels.Candidate c = a.result() instanceof GeocodeModels.Forward f && !f.candidates().isEmpty() ? f.candidates().get(0) : null;
                out.add(java.util.Arrays.asList(a.row(), a.id(), a.status(), c == null ? null : c.confidence(), c == null ? null : c.matchLevel(),
                        c == null ? null : c.code(), c == null ? null : c.address(),
                        c == null || c.location() == null ? null : c.location().coordinates()[0],
                        c == null || c.location() == null ? null : c.location().coordinates()[1], err,
                        c == null ? null : c.locationLevel(), c == null ? null : c.addressCode(),
                        c == null ? null : String.join(" ", c.unmatched().stream().map(x -> x.text().strip()).toList())));
            } else {
                GeocodeModels.Reverse rv = a.result() instanceof GeocodeModels.Reverse x ? x : null;
                String code = rv == null || rv.divisions().isEmpty() ? null : rv.divisions().get(rv.divisions().size() - 1).code();
                out.add(java.util.Arrays.asList(a.row(), a.id(), a.status(), code, rv == null ? null : rv.address(),
                        rv == null || rv.nearestAddress() == null ? null : rv.nearestAddress().address(),
                        rv == null || rv.nearestAddress() == null ? null : rv.nearestAddress().distanceM(), err));
            }
        }
        return out;
    }

    static byte[] csvLines(List<List<?>> rows) {
        byte[] all = Tabular.csv(List.of("x"), rows);
        String s = new String(all, StandardCharsets.UTF_8);
        // Tabular.csv writes a header (and perhaps a BOM); keep only the data lines.
        int nl = s.indexOf('\n');
        return s.substring(nl + 1).getBytes(StandardCharsets.UTF_8);
    }
}
