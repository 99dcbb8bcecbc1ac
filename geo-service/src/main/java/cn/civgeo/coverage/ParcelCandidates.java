package cn.civgeo.coverage;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.FieldProblem;
import cn.civgeo.common.ProblemTexts;
import cn.civgeo.common.ProblemType;
import cn.civgeo.common.crs.CoordinateConverter;
import cn.civgeo.common.crs.Crs;
import cn.civgeo.common.io.CsvParser;
import cn.civgeo.common.io.Tabular;
import cn.civgeo.common.io.ZipGuard;
import cn.civgeo.common.process.ExternalTool;
import cn.civgeo.common.staging.Staging;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.springframework.stereotype.Component;

/**
 * Candidate sites from an uploaded file of parcels (地块): GeoJSON, a zipped Shapefile, GeoPackage, KML, or CSV with
 * lon/lat (经度/纬度, x/y) or WKT columns, read by GDAL's ogr2ogr through {@link ExternalTool} (every layer of the
 * file). Each parcel gives one candidate: a polygon (or line) its point on surface, a point itself; it keeps its
 * name or id attribute (given, or the first of {@link #NAME_ATTRIBUTES} the file has) so a pick reads "地块 A-12".
 *
 * <p>Text: a zipped Shapefile whose DBF declares no encoding (no .cpg, language-driver byte 0) is read as UTF-8
 * when its bytes are UTF-8, else as GBK (what Chinese GIS software writes), see {@link #decode}.
 *
 * <p>CRS: {@code crs} when given (EPSG:4490, EPSG:4326, GCJ02, BD09, a Gauss–Krüger zone); otherwise the file's own
 * (a Shapefile's .prj, a GeoPackage's, KML and GeoJSON are WGS 84); a file declaring none (CSV) is taken as
 * CGCS2000 when its coordinates look like longitude/latitude, or as the 3-degree Gauss–Krüger zone its x prefix
 * names. GCJ-02/BD-09 data must say so ({@code crs=GCJ02}), as everywhere in the API.
 *
 * <p>Division: when one is given (the division of the suggestion), a parcel whose candidate point (its point on
 * surface) lies outside the division's outline is not a candidate: it is listed in {@code rejected} with its feature
 * number, name and the reason in the user's language, and the others are answered; when none lies inside, 400 on
 * {@code file} (with the same {@code rejected} list).
 *
 * <p>Bounded: at most {@value #MAX_BYTES} bytes uploaded, a zip checked by {@link ZipGuard} before GDAL opens it,
 * at most {@link SiteSuggestionService#MAX_CANDIDATES} parcels, GDAL stopped after 60 s. Nothing is stored: the file
 * lives in a scratch folder for the length of the call.
 */
@Component
class ParcelCandidates {
    static final long MAX_BYTES = 20L << 20;
    static final int MAX_PARCELS = SiteSuggestionService.MAX_CANDIDATES;
    /** Attributes taken as the parcel's name, in this order (compared ignoring case). */
    static final List<String> NAME_ATTRIBUTES = List.of("name", "名称", "地块名称", "地块编号", "地块编码", "地块号", "地块",
            "parcel", "parcel_id", "parcelid", "dkbh", "dkmc", "dkbm", "编号", "code", "id", "fid", "bh", "mc");
    /** How ogr2ogr says a layer declares no CRS when asked to reproject it (its message is wrapped over lines). */
    private static final java.util.regex.Pattern NO_SRS = java.util.regex.Pattern.compile("has\\s+no\\s+coordinate\\s+system");
    private static final List<String> FORMATS = List.of(".geojson", ".json", ".zip", ".gpkg", ".kml", ".csv");

    private final Staging staging;
    private final CoordinateConverter coordinates;
    private final CoverageRepository divisions;
    private final cn.civgeo.common.process.Gdal gdal;

    ParcelCandidates(Staging staging, CoordinateConverter coordinates, CoverageRepository divisions, cn.civgeo.common.process.Gdal gdal) {
        this.gdal = gdal;
        this.staging = staging;
        this.coordinates = coordinates;
        this.divisions = divisions;
    }

    /** One candidate: EPSG:4490 lon/lat and the parcel's name (never null: "#n" when the file has no name attribute). */
    public record Parcel(double lon, double lat, String name) {}

    /**
     * The parcels of a file.
     *
     * @param crsBasis   how the CRS was chosen (given, declared by the file, assumed from the coordinates)
     * @param nameField  the attribute the names come from, or null (then the names are "#1", "#2", ...)
     */
    public record Result(int count, List<Parcel> parcels, String nameField, String crsBasis, String division, List<Rejected> rejected) {
        Result(int count, List<Parcel> parcels, String nameField, String crsBasis) { this(count, parcels, nameField, crsBasis, null, List.of()); }
    }

    /**
     * A parcel that is not a candidate: its 1-based feature number in the file (the data row of a CSV), its name, its
     * candidate point (EPSG:4490) and why, in the user's language.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "RejectedParcel")
    public record Rejected(int feature, String name, double lon, double lat, String reason) {}

    public Result read(InputStream in, String filename, String crsParam, String nameField) {
        return read(in, filename, crsParam, nameField, null);
    }

    /** The parcels of a file; with a division, only those inside it (the others in {@link Result#rejected}). */
    public Result read(InputStream in, String filename, String crsParam, String nameField, String division) {
        if (division != null && !division.isBlank()) {
            if (!division.strip().matches("\\d{6}|\\d{9}|\\d{12}")) throw ApiException.badField("division", "must be a 6-, 9- or 12-digit division code");
            if (!divisions.hasOutline(division.strip())) throw ApiException.notFound("Division with a geometry", division.strip());
            return within(readAll(in, filename, crsParam, nameField), division.strip());
        }
        return readAll(in, filename, crsParam, nameField);
    }

    private Result readAll(InputStream in, String filename, String crsParam, String nameField) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        String ext = FORMATS.stream().filter(name::endsWith).findFirst().orElseThrow(() -> ApiException.badField("file",
                "must be GeoJSON (.geojson/.json), a zipped Shapefile (.zip), a GeoPackage (.gpkg), .kml or .csv with lon/lat or WKT columns"));
        Crs given = crsParam == null || crsParam.isBlank() ? null : Crs.parse(crsParam, "crs");
        Path dir = null;
        try {
            dir = staging.tempDir("parcels");
            Path src = dir.resolve("in" + (ext.equals(".json") ? ".geojson" : ext));
            copyBounded(in, src);
            if (Files.size(src) == 0) throw ApiException.badField("file", "is empty");
            String source = src.toString();
            if (ext.equals(".zip")) {
                ZipGuard.check(src, "file");
                source = "/vsizip/" + src + shapefileFolder(src);
            } else if (ext.equals(".csv")) {
                // GDAL reads CSV as UTF-8; Chinese Excel saves GBK
                Files.writeString(src, Tabular.decodeText(Files.readAllBytes(src)), StandardCharsets.UTF_8);
            }
            Read r = given != null && given.kind() != Crs.Kind.GCJ02 && given.kind() != Crs.Kind.BD09
                    ? ogr(dir, source, ext, "EPSG:" + given.srid(), true)
                    : given != null ? ogr(dir, source, ext, null, false) : ogr(dir, source, ext, null, true);
            String basis = given != null ? "given (" + given.id() + ")" : "declared by the file";
            if (r == null) { // no CRS in the file: read the coordinates as they are and look at them
                r = ogr(dir, source, ext, null, false);
                Envelope env = r.envelope();
                if (env.getMinX() >= 73 && env.getMaxX() <= 136 && env.getMinY() >= 3 && env.getMaxY() <= 54) {
                    basis = "assumed CGCS2000: no CRS declared and the coordinates look like longitude/latitude";
                } else if (env.getMinX() >= 25_000_000 && env.getMaxX() < 46_000_000 && (int) (env.getMinX() / 1_000_000) == (int) (env.getMaxX() / 1_000_000)) {
                    Crs zone = Crs.gaussKruger3((int) (env.getMinX() / 1_000_000));
                    r = ogr(dir, source, ext, zone.id(), true);
                    basis = "detected from the zone prefix of the x coordinates (" + zone.id() + ")";
                } else {
                    throw ApiException.badField("crs", "the file declares no CRS and its coordinates do not reveal one; give crs "
                            + "(EPSG:4490, EPSG:4326, GCJ02, BD09 or EPSG:4513–4554)");
                }
            }
            return parcels(r, given, nameField, basis);
        } catch (IOException e) {
            throw ApiException.badField("file", "could not be read");
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    /** The parcels inside the division; the others rejected with the reason, or 400 on file when none is inside. */
    private Result within(Result all, String division) {
        double[] lons = new double[all.count()], lats = new double[all.count()];
        for (int i = 0; i < all.count(); i++) { lons[i] = all.parcels().get(i).lon(); lats[i] = all.parcels().get(i).lat(); }
        java.util.Set<Integer> outside = new java.util.HashSet<>(divisions.outside(division, lons, lats));
        String label = division + divisions.division(division).map(d -> " (" + d.name() + ")").orElse("");
        boolean zh = ProblemTexts.requestLang() == ProblemTexts.Lang.ZH;
        String reason = "lies outside the division " + label;
        List<Parcel> in = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < all.count(); i++) {
            Parcel p = all.parcels().get(i);
            if (outside.contains(i)) rejected.add(new Rejected(i + 1, p.name(), p.lon(), p.lat(), zh ? ProblemTexts.zh(reason) : reason));
            else in.add(p);
        }
        if (in.isEmpty()) {
            String m = "none of the " + all.count() + " parcels lies inside the division " + label;
            throw new ApiException(ProblemType.VALIDATION, "file: " + m, List.of(new FieldProblem("file", m)), Map.of("rejected", rejected));
        }
        return new Result(in.size(), in, all.nameField(), all.crsBasis(), division, rejected);
    }

    private Result parcels(Read r, Crs given, String nameField, String basis) {
        String field = nameColumn(r.headers(), nameField);
        int col = field == null ? -1 : r.headers().indexOf(field);
        List<Parcel> out = new ArrayList<>();
        for (int i = 0; i < r.features().size(); i++) {
            Feature f = r.features().get(i);
            Point p = f.geometry() instanceof Puntal ? f.geometry().getInteriorPoint() : surfacePoint(f.geometry());
            double[] ll = given != null && (given.kind() == Crs.Kind.GCJ02 || given.kind() == Crs.Kind.BD09)
                    ? coordinates.toStorage(p.getX(), p.getY(), given) : new double[] {p.getX(), p.getY()};
            if (!(ll[0] >= 73 && ll[0] <= 136 && ll[1] >= 3 && ll[1] <= 54)) {
                throw ApiException.badField("crs", "parcel " + (i + 1) + " lies outside China (" + round(ll[0]) + ", "
                        + round(ll[1]) + ") in EPSG:4490; give the file's crs");
            }
            String n = col >= 0 && col < f.attributes().size() ? f.attributes().get(col).strip() : "";
            out.add(new Parcel(round(ll[0]), round(ll[1]), n.isEmpty() ? "#" + (i + 1) : n));
        }
        return new Result(out.size(), out, field, basis);
    }

    private static Point surfacePoint(Geometry g) {
        try {
            return g.getInteriorPoint();
        } catch (RuntimeException invalid) { // a self-intersecting polygon: its repaired outline
            return g.buffer(0).getInteriorPoint();
        }
    }

    private static String nameColumn(List<String> headers, String requested) {
        if (requested != null && !requested.isBlank()) {
            for (String h : headers) if (h.equalsIgnoreCase(requested.strip())) return h;
            throw ApiException.badField("nameField", "no attribute " + requested.strip() + " in the file; attributes: "
                    + String.join(", ", headers));
        }
        for (String c : NAME_ATTRIBUTES) for (String h : headers) if (h.equalsIgnoreCase(c)) return h;
        return null;
    }

    /** A parcel as GDAL wrote it: its geometry in the read CRS and its attributes in header order. */
    record Feature(Geometry geometry, List<String> attributes) {}

    record Read(List<String> headers, List<Feature> features) {
        Envelope envelope() {
            Envelope e = new Envelope();
            for (Feature f : features) e.expandToInclude(f.geometry().getEnvelopeInternal());
            return e;
        }
    }

    /** ogr2ogr's arguments into CSV (WKT first, at most one parcel over the limit), CSV inputs read by their lon/lat or WKT columns. */
    private static List<String> ogrCommand(Path out, String source, String ext, String sourceSrs, boolean reproject) {
        List<String> cmd = new ArrayList<>(List.of("-f", "CSV", "-lco", "GEOMETRY=AS_WKT", "-lco", "CREATE_CSVT=NO",
                "-dim", "XY", "-limit", String.valueOf(MAX_PARCELS + 1)));
        if (sourceSrs != null) cmd.addAll(List.of("-s_srs", sourceSrs));
        if (reproject) cmd.addAll(List.of("-t_srs", "EPSG:4490"));
        if (ext.equals(".csv")) {
            cmd.addAll(List.of("-oo", "X_POSSIBLE_NAMES=lon,lng,long,longitude,x,经度,东经", "-oo", "Y_POSSIBLE_NAMES=lat,latitude,y,纬度,北纬",
                    "-oo", "GEOM_POSSIBLE_NAMES=wkt,geom,geometry,the_geom,shape,几何", "-oo", "KEEP_GEOM_COLUMNS=NO"));
        }
        cmd.addAll(List.of(out.toString(), source));
        return cmd;
    }

    /**
     * Runs ogr2ogr into CSV files (one a layer, geometry as WKT), reprojected to EPSG:4490 when {@code reproject};
     * null when it must reproject and the file declares no CRS.
     */
    private Read ogr(Path dir, String source, String ext, String sourceSrs, boolean reproject) throws IOException {
        Path out = dir.resolve("out-" + System.nanoTime());
        ExternalTool.Result r;
        try {
            r = gdal.ogr2ogr(ogrCommand(out, source, ext, sourceSrs, reproject), Duration.ofSeconds(60));
        } catch (ExternalTool.TimedOut e) {
            throw ApiException.badField("file", "GDAL took too long to read the file");
        }
        if (!r.ok()) {
            if (reproject && sourceSrs == null && NO_SRS.matcher(r.output()).find()) return null;
            throw ApiException.badField("file", "GDAL could not read the file: " + r.firstLine());
        }
        List<String> headers = null;
        List<Feature> features = new ArrayList<>();
        WKTReader wkt = new WKTReader();
        if (!Files.isDirectory(out)) throw ApiException.badField("file", "holds no parcels (no feature with a geometry)");
        try (DirectoryStream<Path> layers = Files.newDirectoryStream(out, "*.csv")) {
            for (Path layer : layers) {
                List<List<String>> rows = CsvParser.parse(decode(Files.readAllBytes(layer)));
                if (rows.isEmpty()) continue;
                // GDAL writes the WKT column first, and none for a layer without geometry (a CSV without lon/lat)
                boolean geometry = rows.get(0).get(0).strip().equals("WKT");
                List<String> h = rows.get(0).subList(geometry ? 1 : 0, rows.get(0).size()).stream().map(String::strip).toList();
                if (headers == null) headers = h;
                for (List<String> row : rows.subList(1, rows.size())) {
                    int n = features.size() + 1;
                    if (n > MAX_PARCELS) throw tooMany();
                    String g = row.isEmpty() || !geometry ? "" : row.get(0).strip();
                    if (g.isEmpty()) {
                        throw ApiException.badField("file", "parcel " + n + " has no geometry"
                                + (ext.equals(".csv") ? " (a CSV needs lon/lat, 经度/纬度 or WKT columns)" : ""));
                    }
                    Geometry geom;
                    try {
                        geom = wkt.read(g);
                    } catch (ParseException e) {
                        throw ApiException.badField("file", "parcel " + n + " has no readable geometry");
                    }
                    if (geom.isEmpty()) throw ApiException.badField("file", "parcel " + n + " has no geometry");
                    // attributes by the first layer's names (a later layer with other columns keeps its own order)
                    List<String> attrs = new ArrayList<>();
                    for (String name : headers) {
                        int c = h.indexOf(name);
                        attrs.add(c >= 0 && c + 1 < row.size() ? row.get(c + 1) : "");
                    }
                    features.add(new Feature(geom, attrs));
                }
            }
        }
        if (features.isEmpty()) throw ApiException.badField("file", "holds no parcels (no feature with a geometry)");
        return new Read(headers, features);
    }

    /**
     * The text GDAL wrote: UTF-8, except from a Shapefile whose DBF declares no encoding (no .cpg, language-driver
     * byte 0), whose bytes GDAL passes through as they are: Chinese GIS software writes those in GBK. Read as UTF-8
     * when the bytes are UTF-8 (leniently: a field name cut at 10 bytes may end in half a character before its
     * delimiter), else as GBK.
     */
    static String decode(byte[] bytes) {
        return utf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, java.nio.charset.Charset.forName("GBK"));
    }

    /** Whether the bytes are UTF-8, allowing a sequence cut short just before a CSV delimiter or the end. */
    static boolean utf8(byte[] b) {
        for (int i = 0; i < b.length; ) {
            int c = b[i] & 0xff;
            int n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
            if (n < 0) return false;
            int j = 1;
            while (j <= n && i + j < b.length && (b[i + j] & 0xC0) == 0x80) j++;
            if (j <= n) { // cut short: only before a delimiter or at the end
                int next = i + j;
                if (next < b.length && b[next] != ',' && b[next] != '"' && b[next] != '\n' && b[next] != '\r') return false;
            }
            i += j;
        }
        return true;
    }

    /** The folder inside the zip that holds its first .shp ("" at the top), so GDAL opens the shapefiles there. */
    private static String shapefileFolder(Path zip) {
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                String n = e.getName();
                if (n.toLowerCase(Locale.ROOT).endsWith(".shp")) {
                    int slash = n.lastIndexOf('/');
                    return slash < 0 ? "" : "/" + n.substring(0, slash);
                }
            }
        } catch (IOException e) {
            throw ApiException.badField("file", "is not a readable zip file");
        }
        throw ApiException.badField("file", "the zip holds no .shp file");
    }

    private static void copyBounded(InputStream in, Path target) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try (var out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > MAX_BYTES) {
                    String m = "is larger than " + (MAX_BYTES >> 20) + " MB";
                    throw new ApiException(ProblemType.TOO_LARGE, "file: " + m, List.of(new FieldProblem("file", m)),
                            Map.of("maxBytes", MAX_BYTES));
                }
                out.write(buf, 0, n);
            }
        }
    }

    private static ApiException tooMany() {
        String m = "holds more than " + MAX_PARCELS + " parcels";
        return new ApiException(ProblemType.TOO_LARGE, "file: " + m, List.of(new FieldProblem("file", m)), Map.of("maxParcels", MAX_PARCELS));
    }

    private static double round(double v) { return Math.round(v * 1e7) / 1e7; }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // scratch files; Staging sweeps what is left
        }
    }
}
