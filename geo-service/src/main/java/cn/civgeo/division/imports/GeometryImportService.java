package cn.civgeo.division.imports;

import cn.civgeo.common.staging.Staging;
import cn.civgeo.audit.AuditService;
import cn.civgeo.common.ApiException;
import cn.civgeo.common.code.DivisionCode;
import cn.civgeo.common.crs.CoordinateConverter;
import cn.civgeo.common.crs.Crs;
import cn.civgeo.common.io.ImportReport;
import cn.civgeo.common.jobs.Progress;
import cn.civgeo.division.Division;
import cn.civgeo.division.DivisionChangedEvent;
import cn.civgeo.division.change.DivisionWriteRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports division geometry from a GeoJSON, zipped Shapefile or GeoPackage: ogr2ogr into a staging table, then
 * every feature is checked (known active code, once only, polygonal, inside China after conversion, valid) and
 * reported; invalid geometry is rejected unless the caller asks for {@code repair} (PostGIS ST_MakeValid). In
 * strict mode (default) one rejected feature rejects the import and nothing is written. Accepted geometry is
 * written in one transaction as an {@code import} event: each unit's previous version is closed, like any change.
 */
@Service
class GeometryImportService {
    private static final Logger log = LoggerFactory.getLogger(GeometryImportService.class);
    private static final List<String> CODE_FIELDS = List.of("adcode", "code", "xzqdm", "xzqhdm", "xzq_dm", "dm", "gb",
            "pac", "division_code", "admin_code");
    private static final List<String> NAME_FIELDS = List.of("name", "xzqmc", "xzqhmc", "mc", "division_name");

    private final OgrStaging ogr;
    private final Staging staging;
    private final GeometryImportRepository repo;
    private final CoordinateConverter converter;
    private final DivisionWriteRepository writer;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    GeometryImportService(OgrStaging ogr, GeometryImportRepository repo, CoordinateConverter converter,
                          DivisionWriteRepository writer, AuditService audit, TransactionTemplate tx,
                          ApplicationEventPublisher events, Staging staging) {
        this.staging = staging;
        this.events = events;
        this.ogr = ogr;
        this.repo = repo;
        this.converter = converter;
        this.writer = writer;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * @param crs       source CRS if known (else declared by the file, or detected from the coordinates)
     * @param codeField attribute holding the division code (else the first of adcode, code, xzqdm, …)
     * @param repair    repair invalid polygons with ST_MakeValid instead of rejecting them
     * @param dryRun    validate and report only
     * @param source    provenance written to the event (default "import:<file name>")
     */
    public record Options(String crs, String codeField, String layer, boolean repair, boolean dryRun,
                          ImportReport.Mode mode, String source) {}

    /** The outcome: where the coordinates came from and what happened to every feature (rows = features, 1-based). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "GeometryImportResult")
    public record Result(String file, String format, String layer, String crs, String crsBasis, String codeField,
                         Long eventId, ImportReport report) {}

    /** One staged feature: its row (1-based), code and name as the file has them, and its geometry (WKB, as read). */
    record Feature(int row, String code, String sourceName, byte[] wkb) {}

    public Result importFile(Path file, String filename, Options o, Progress p) {
        String format = OgrStaging.format(filename);
        Crs given = o.crs() == null || o.crs().isBlank() ? null : Crs.parse(o.crs());
        String table = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        // Held while in use: a start-up sweep removes the table only if this import died (common.staging).
        Staging.Hold hold = staging.hold("division_import." + table);
        try {
            String src = OgrStaging.source(file, format);
            List<String> layers = ogr.layers(src);
            if (o.layer() != null && !layers.contains(o.layer())) {
                throw ApiException.badField("layer", "is not in the file; its layers: " + String.join(", ", layers));
            }
            String layer = o.layer() != null ? o.layer() : layers.size() > 1 ? layers.get(0) : null;
            p.message("reading " + filename + " with ogr2ogr");
            ogr.load(src, layer, table);
            List<String> columns = repo.stagedColumns(table);
            String codeCol = pick(o.codeField(), columns, CODE_FIELDS, "codeField");
            String nameCol = pick(null, columns, NAME_FIELDS, null);
            List<Feature> features = repo.stagedFeatures(table, quote(codeCol), nameCol == null ? null : quote(nameCol));
            int declared = repo.declaredSrid(table);
            String[] basis = new String[1];
            Crs crs = resolveCrs(given, declared, features, basis, format);
            p.total(features.size());
            Validated v = validate(features, crs, declared, o, p);
            ImportReport.Builder report = v.report;
            if (o.mode() == ImportReport.Mode.STRICT && report.rejected() > 0 || o.dryRun() || report.accepted() == 0) {
                ImportReport r = report.build(false);
                r.throwIfRejected();
                return new Result(filename, format, layer, crs == null ? "EPSG:" + declared : crs.id(), basis[0], codeCol, null, r);
            }
            p.message("writing " + v.accepted.size() + " geometries");
            Long eventId = tx.execute(s -> write(v.accepted, o.source() != null && !o.source().isBlank() ? o.source().strip()
                    : "import:" + filename, filename));
            log.info("division geometry import {}: {} written, {} rejected, event {}", filename, v.accepted.size(),
                    report.rejected(), eventId);
            return new Result(filename, format, layer, crs == null ? "EPSG:" + declared : crs.id(), basis[0], codeCol,
                    eventId, report.build(true));
        } catch (IOException e) {
            throw ApiException.badField("file", "cannot be read: " + e.getMessage());
        } finally {
            try {
                repo.dropStaged(table);
            } finally {
                hold.close();
            }
        }
    }

    private record Validated(ImportReport.Builder report, Map<String, byte[]> accepted) {}

    private Validated validate(List<Feature> features, Crs crs, int declared, Options o, Progress p) {
        ImportReport.Builder report = ImportReport.builder(o.mode());
        Map<String, byte[]> accepted = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, Division> units = knownUnits(features);
        WKBReader reader = new WKBReader();
        for (Feature f : features) {
            p.advance(1);
            String code = divisionCode(f.code());
            Division d = checkedUnit(f, code, units, seen, report);
            if (d == null) continue;
            Geometry g = checkedGeometry(f, reader, crs, declared, report);
            if (g == null) continue;
            accept(f, code, d, g, o, report, accepted);
        }
        return new Validated(report, accepted);
    }

    /** The units the features name (codes normalised), by code, read in chunks of 5000. */
    private Map<String, Division> knownUnits(List<Feature> features) {
        Map<String, Division> units = new HashMap<>();
        List<String> codes = features.stream().map(f -> divisionCode(f.code())).filter(c -> c != null).distinct().toList();
        for (List<String> chunk : chunks(codes, 5000)) {
            repo.units(chunk).forEach(d -> units.put(d.code(), d));
        }
        return units;
    }

    /** The feature's unit: a code, known, active, once only in the file, with geometry; else null and rejected. */
    private static Division checkedUnit(Feature f, String code, Map<String, Division> units, Set<String> seen,
                                        ImportReport.Builder report) {
        if (code == null) { report.reject(f.row(), "code", "missing or not a 6-, 9- or 12-digit division code: " + f.code()); return null; }
        Division d = units.get(code);
        if (d == null) { report.reject(f.row(), "code", code + " is not a known division"); return null; }
        if (!d.active()) { report.reject(f.row(), "code", code + " " + d.name() + " is abolished"); return null; }
        if (!seen.add(code)) { report.reject(f.row(), "code", code + " appears more than once in the file"); return null; }
        if (f.wkb() == null) { report.reject(f.row(), "geometry", "has no geometry"); return null; }
        return d;
    }

    /** The feature's geometry read, polygonal and converted to EPSG:4490 inside China; else null and rejected. */
    private Geometry checkedGeometry(Feature f, WKBReader reader, Crs crs, int declared, ImportReport.Builder report) {
        Geometry g;
        try {
            g = reader.read(f.wkb());
        } catch (ParseException e) {
            report.reject(f.row(), "geometry", "cannot be read: " + e.getMessage());
            return null;
        }
        if (!(g instanceof Polygonal) || g.isEmpty()) {
            report.reject(f.row(), "geometry", "must be a Polygon or MultiPolygon, not " + g.getGeometryType());
            return null;
        }
        g = crs != null ? converter.toStorage(g, crs) : transformInDb(g, declared);
        Envelope e = g.getEnvelopeInternal();
        if (e.getMinX() < 73 || e.getMaxX() > 136 || e.getMinY() < 3 || e.getMaxY() > 54) {
            report.reject(f.row(), "geometry", String.format(Locale.ROOT,
                    "lies outside China (%.4f %.4f – %.4f %.4f) after conversion to EPSG:4490: is the crs right?",
                    e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
            return null;
        }
        return g;
    }

    /**
     * Accepts the feature's geometry into {@code accepted} and the report with its validity (repaired when asked)
     * and areas, or rejects it when invalid and no repair was asked.
     */
    private void accept(Feature f, String code, Division d, Geometry g, Options o, ImportReport.Builder report,
                        Map<String, byte[]> accepted) {
        byte[] wkb = new WKBWriter().write(g);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("code", code);
        info.put("name", d.name());
        if (f.sourceName() != null) info.put("sourceName", f.sourceName());
        TopologyValidationError err = new IsValidOp(g).getValidationError();
        if (err != null) {
            String why = err.getMessage() + String.format(Locale.ROOT, " near %.6f %.6f", err.getCoordinate().x, err.getCoordinate().y);
            if (!o.repair()) {
                report.reject(f.row(), "geometry", "invalid: " + why + " (repair=true repairs it with ST_MakeValid)");
                return;
            }
            wkb = repo.makeValid(wkb);
            info.put("outcome", "repaired");
            info.put("repair", "ST_MakeValid: " + why);
        } else {
            info.put("outcome", "valid");
        }
        Map<String, Object> areas = repo.areas(wkb, code, d.parentCode());
        info.put("areaM2", round(areas.get("a")));
        if (areas.get("prev") != null) info.put("previousAreaM2", round(areas.get("prev")));
        if (areas.get("outside") != null) info.put("outsideParentM2", round(areas.get("outside")));
        accepted.put(code, wkb);
        report.accept(f.row(), code, info);
    }

    private Long write(Map<String, byte[]> accepted, String source, String filename) {
        LocalDate today = LocalDate.now();
        long event = writer.insertEvent("import", today, source.length() > 200 ? source.substring(0, 200) : source, null,
                "geometry import of " + filename + " (" + accepted.size() + " units)", "{\"file\":" + jsonString(filename) + "}",
                AuditService.currentActor());
        for (Map.Entry<String, byte[]> e : accepted.entrySet()) {
            Division before = writer.lock(e.getKey()).orElseThrow();
            writer.closeVersion(e.getKey(), today, event);
            Map<String, Object> cols = new LinkedHashMap<>();
            cols.put("geom", e.getValue());
            cols.put("geom_source", "import:" + filename);
            if (!writer.update(e.getKey(), before.version(), today, cols)) throw ApiException.staleVersion("division", e.getKey(), before.version());
            writer.eventUnit(event, e.getKey(), "reshaped");
            audit.updated("division", e.getKey(), before, writer.lock(e.getKey()).orElseThrow());
        }
        audit.created("division-event", event, Map.of("kind", "import", "file", filename, "units", accepted.size()));
        // New outlines move boundaries: published in the transaction, like every division change.
        events.publishEvent(new DivisionChangedEvent("boundary", List.copyOf(accepted.keySet()), today));
        return event;
    }

    /** Given, declared by the file, or detected from the first feature's coordinates. */
    private static Crs resolveCrs(Crs given, int declared, List<Feature> features, String[] basis, String format) {
        if (given != null) { basis[0] = "given"; return given; }
        if (declared == 4490 || declared == 4326) {
            basis[0] = format.equals("geojson") ? "declared (a GeoJSON without a crs member is WGS 84 by RFC 7946; "
                    + "GCJ-02 data such as AutoNavi/DataV needs crs=GCJ02)" : "declared by the file";
            return declared == 4490 ? Crs.CGCS2000 : Crs.WGS84;
        }
        if (declared >= 4513 && declared <= 4554) { basis[0] = "declared by the file"; return Crs.parse("EPSG:" + declared); }
        if (declared != 0) { basis[0] = "declared by the file (EPSG:" + declared + ", transformed by PostGIS)"; return null; }
        Envelope env = new Envelope();
        WKBReader r = new WKBReader();
        for (Feature f : features) {
            if (f.wkb() == null) continue;
            try { env.expandToInclude(r.read(f.wkb()).getEnvelopeInternal()); } catch (ParseException ignored) { }
            break;
        }
        if (!env.isNull() && env.getMinX() >= 73 && env.getMaxX() <= 136 && env.getMinY() >= 3 && env.getMaxY() <= 54) {
            basis[0] = "assumed CGCS2000: no CRS declared and the coordinates look like longitude/latitude";
            return Crs.CGCS2000;
        }
        if (!env.isNull() && env.getMinX() >= 25_000_000 && env.getMaxX() < 46_000_000) {
            int zone = (int) (env.getMinX() / 1_000_000);
            basis[0] = "detected from the zone prefix " + zone + " of the x coordinates (3-degree Gauss–Krüger)";
            return Crs.gaussKruger3(zone);
        }
        throw ApiException.badField("crs", "the file declares no CRS and its coordinates do not reveal one; give crs "
                + "(EPSG:4490, EPSG:4326, GCJ02, BD09 or EPSG:4513–4554)");
    }

    private Geometry transformInDb(Geometry g, int srid) {
        byte[] out = repo.transformToStorage(new WKBWriter().write(g), srid);
        try {
            Geometry t = new WKBReader().read(out);
            t.setSRID(4490);
            return t;
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * "350203", 350203 (a number), "350203.0" (a number from a spreadsheet), "350203000000" (zero-padded to 12) → the
     * code normalised by {@link DivisionCode#of}, or null when it is none. Only the spreadsheet's ".0" is stripped here.
     */
    static String divisionCode(String raw) {
        if (raw == null) return null;
        String c = raw.strip();
        if (c.endsWith(".0")) c = c.substring(0, c.length() - 2);
        return DivisionCode.isCode(c) ? DivisionCode.of(c).value() : null;
    }

    private static String pick(String requested, List<String> columns, List<String> candidates, String field) {
        if (requested != null && !requested.isBlank()) {
            String r = requested.strip().toLowerCase(Locale.ROOT);
            if (columns.contains(r)) return r;
            throw ApiException.badField(field, "no attribute " + requested + " in the file; attributes: "
                    + String.join(", ", columns.stream().filter(c -> !c.equals("fid") && !c.equals("geom")).toList()));
        }
        for (String c : candidates) if (columns.contains(c)) return c;
        if (field == null) return null;
        throw ApiException.badField(field, "none of " + String.join(", ", candidates) + " is an attribute of the file; "
                + "name the attribute that holds the division code");
    }

    private static String quote(String ident) { return "\"" + ident.replace("\"", "\"\"") + "\""; }

    private static long round(Object v) { return Math.round(((Number) v).doubleValue()); }

    private static String jsonString(String s) { return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""; }

    private static <T> List<List<T>> chunks(List<T> list, int n) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += n) out.add(list.subList(i, Math.min(list.size(), i + n)));
        return out;
    }
}
