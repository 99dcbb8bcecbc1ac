package cn.civgeo.map;

import cn.civgeo.common.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.civgeo.common.io.SafeCells;
import cn.civgeo.common.io.StreamedExport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.kml.KMLWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads of a map layer at full detail: GeoJSON, CSV (properties plus WKT, UTF-8 with BOM so Excel reads
 * Chinese) or KML (for Google Earth / 91卫图 users). Same filters as the items endpoint.
 */
@RestController
@RequestMapping("/api/map/collections")
@Tag(name = "Map")
class ExportController {
    private final FeatureService features;
    private final JsonMapper json;
    private final cn.civgeo.security.ExportGate exports;

    ExportController(FeatureService features, JsonMapper json, cn.civgeo.security.ExportGate exports) {
        this.features = features;
        this.json = json;
        this.exports = exports;
    }

    @GetMapping("/{id}/export")
    @Operation(summary = "Download a layer as geojson, csv (WKT geometry) or kml, paged; at most 100,000 features an answer",
            description = "Paging by key: `limit` features after the cursor `after` in the layer's order; when more follow, the "
                    + "answer carries `Link: <...after=...>; rel=\"next\"` (features written between pages neither repeat nor get skipped). Anonymous callers get at most 5,000 features per answer (413 naming `bbox` "
                    + "beyond: narrow it, page with `limit`, or sign in); every 100 features cost one more fair-use unit.")
    void export(@io.swagger.v3.oas.annotations.Parameter(description = "Layer id", example = "divisions") @PathVariable String id,
                                  @io.swagger.v3.oas.annotations.Parameter(description = "geojson, csv or kml", example = "geojson")
                                  @RequestParam(defaultValue = "geojson") String format,
                                  @io.swagger.v3.oas.annotations.Parameter(description = "minLon,minLat,maxLon,maxLat (EPSG:4490)", example = "117.8,24.3,118.6,25.0")
                                  @RequestParam(required = false) String bbox,
                                  @io.swagger.v3.oas.annotations.Parameter(description = "Division level 1-5 (divisions layer)", example = "3")
                                  @RequestParam(required = false) Integer level,
                                  @io.swagger.v3.oas.annotations.Parameter(description = "Features in this answer (default and cap: your bound)", example = "1000")
                                  @RequestParam(required = false) Integer limit,
                                  @io.swagger.v3.oas.annotations.Parameter(description = "Features to skip after the cursor (the older way to page; prefer the Link rel=next)", example = "0")
                                  @RequestParam(required = false) Long offset,
                                  @io.swagger.v3.oas.annotations.Parameter(description = "Cursor: the page starts after this feature (from the Link rel=next)", example = "WyIzNTAyMDMiXQ")
                                  @RequestParam(required = false) String after,
                                  jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) throws IOException {
        String fmt = format.toLowerCase();
        StreamedExport.Page page = checkedPage(fmt, level, limit, offset, after);
        FeatureService.Query q = new FeatureService.Query(id, Bbox.parse(bbox), null, level, null, null, page.limit(), (int) page.offset(),
                page.after() == null ? null : page.after().get(0));
        // Paged by key: the page's keys are counted first (one more than the page tells whether another follows; the
        // next page starts after this page's last feature, so features written between pages neither repeat nor get
        // skipped), then the features stream from a database cursor straight into the answer.
        StreamedExport.Counted counted = countPage(q);
        exports.check(req, res, (int) Math.min(counted.rows(), page.limit()), "bbox");
        if (counted.rows() > page.limit()) linkNext(res, page, counted);
        write(q, fmt, id, res);
    }

    /** The checked format, level and page of an export request (400 naming the field otherwise). */
    private StreamedExport.Page checkedPage(String fmt, Integer level, Integer limit, Long offset, String after) {
        if (!List.of("geojson", "csv", "kml").contains(fmt)) throw ApiException.badField("format", "must be geojson, csv or kml");
        if (level != null && (level < 1 || level > 5)) throw ApiException.badField("level", "must be between 1 and 5");
        var page = StreamedExport.Page.of(limit, offset, after, exports.fetchLimit(FeatureService.EXPORT_MAX));
        if (page.offset() > Integer.MAX_VALUE) throw ApiException.badField("offset", "must be below " + Integer.MAX_VALUE);
        if (page.after() != null && page.after().size() != 1) {
            throw ApiException.badField("after", "is not a cursor of this export (take it from the Link rel=next)");
        }
        return page;
    }

    /** The page's keys counted; 400 naming {@code after} when the cursor is not one of this layer. */
    private StreamedExport.Counted countPage(FeatureService.Query q) {
        try {
            return features.countPage(q);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // a cursor whose parts do not parse as the layer's key (hand-edited)
            throw ApiException.badField("after", "is not a cursor of this export (take it from the Link rel=next)");
        }
    }

    /** {@code Link: <...after=...>; rel="next"}: the next page starts after this page's last feature. */
    private static void linkNext(jakarta.servlet.http.HttpServletResponse res, StreamedExport.Page page, StreamedExport.Counted counted) {
        String next = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("offset").replaceQueryParam("limit", page.limit())
                .replaceQueryParam("after", StreamedExport.Cursor.encode(counted.lastKey()))
                .build().toUriString();
        res.addHeader(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
    }

    /** The answer's headers, then the page's features streamed from the cursor in the format. */
    private void write(FeatureService.Query q, String fmt, String id, jakarta.servlet.http.HttpServletResponse res) throws IOException {
        String ext = fmt.equals("geojson") ? "geojson" : fmt;
        res.setContentType(switch (fmt) {
            case "csv" -> "text/csv;charset=UTF-8";
            case "kml" -> "application/vnd.google-earth.kml+xml";
            default -> MapController.GEOJSON.toString();
        });
        res.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(id + "." + ext).build().toString());
        Writer out = new BufferedWriter(new OutputStreamWriter(res.getOutputStream(), StandardCharsets.UTF_8), 32 * 1024);
        FeatureSink sink = switch (fmt) {
            case "csv" -> new CsvSink(out);
            case "kml" -> new KmlSink(out, id);
            default -> new GeoJsonSink(out);
        };
        features.stream(q, f -> {
            try {
                sink.feature(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        sink.end();
        out.flush();
    }

    /** Writes one format's features as they come from the cursor. */
    private interface FeatureSink {
        void feature(String geojson) throws IOException;

        void end() throws IOException;
    }

    private static final class GeoJsonSink implements FeatureSink {
        private final Writer out;
        private boolean first = true;

        GeoJsonSink(Writer out) throws IOException {
            this.out = out;
            out.write("{\"type\":\"FeatureCollection\",\"features\":[");
        }

        public void feature(String f) throws IOException {
            if (!first) out.write(',');
            first = false;
            out.write(f);
        }

        public void end() throws IOException { out.write("]}"); }
    }

    /**
     * CSV: id, the properties (the layer's features all carry the same property names: its SQL builds them with
     * every key, null or not, so the first feature names the columns), WKT; UTF-8 with BOM so Excel reads Chinese.
     */
    private final class CsvSink implements FeatureSink {
        private final Writer out;
        private final WKTWriter wkt = new WKTWriter();
        private List<String> cols;

        CsvSink(Writer out) throws IOException {
            this.out = out;
            out.write("\uFEFF");
        }

        public void feature(String f) throws IOException {
            JsonNode n = json.readTree(f);
            if (cols == null) {
                cols = new ArrayList<>();
                n.path("properties").propertyNames().forEach(cols::add);
                header();
            }
            StringBuilder sb = new StringBuilder();
            // Code columns survive Excel: written as ="…" text (common.io.SafeCells.csvCode).
            sb.append(SafeCells.csvCode(n.path("id").asString("")));
            for (String c : cols) {
                JsonNode v = n.path("properties").path(c);
                String text = v.isMissingNode() || v.isNull() ? null : v.isValueNode() ? v.asString() : v.toString();
                sb.append(',').append(text == null ? "" : SafeCells.codeColumn(c) ? SafeCells.csvCode(text) : cell(text));
            }
            sb.append(',').append(cell(wkt.write(geometry(n)))).append("\r\n");
            out.write(sb.toString());
        }

        private void header() throws IOException {
            StringBuilder sb = new StringBuilder("id");
            for (String c : cols) sb.append(',').append(cell(c));
            out.write(sb.append(",wkt\r\n").toString());
        }

        public void end() throws IOException {
            if (cols == null) {
                cols = List.of();
                header();
            }
        }
    }

    /** KML for Google Earth / 91卫图 users: a Placemark per feature with its properties as ExtendedData. */
    private final class KmlSink implements FeatureSink {
        private final Writer out;
        private final KMLWriter w = new KMLWriter();

        KmlSink(Writer out, String layer) throws IOException {
            this.out = out;
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><name>"
                    + xml(layer) + "</name>\n");
        }

        public void feature(String f) throws IOException {
            JsonNode n = json.readTree(f);
            String name = n.path("properties").path("name").asString(n.path("id").asString(""));
            StringBuilder sb = new StringBuilder("<Placemark><name>").append(xml(name)).append("</name><ExtendedData>");
            n.path("properties").properties().forEach(e -> {
                if (!e.getValue().isNull()) sb.append("<Data name=\"").append(xml(e.getKey())).append("\"><value>")
                        .append(xml(e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString()))
                        .append("</value></Data>");
            });
            sb.append("</ExtendedData>").append(w.write(geometry(n))).append("</Placemark>\n");
            out.write(sb.toString());
        }

        public void end() throws IOException { out.write("</Document></kml>\n"); }
    }

    private static Geometry geometry(JsonNode feature) {
        try {
            return new GeoJsonReader().read(feature.path("geometry").toString());
        } catch (ParseException e) {
            throw new IllegalStateException("bad geometry from SQL", e);
        }
    }

    private static String cell(String s) { return SafeCells.csvField(s); }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
