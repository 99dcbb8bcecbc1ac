package cn.civgeo.division;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.civgeo.common.crs.GcjTransform;
import cn.civgeo.division.DivisionFixtures.TestCounty;
import cn.civgeo.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Geometry import: GeoJSON, zipped Shapefile, GeoPackage; CRS given, declared, detected; invalid polygons. */
class DivisionImportIT extends IntegrationTest {
    @TempDir
    Path tmp;
    TestCounty c;

    @BeforeEach
    void county() { c = DivisionFixtures.freshTestCounty(jdbc); }

    private Response upload(String filename, byte[] content, String query) { return upload("admin-t", filename, content, query); }

    private Response upload(String user, String filename, byte[] content, String query) {
        String boundary = "----civgeo" + System.nanoTime();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes(content);
        b.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return call("POST", "/api/divisions/geometry-imports" + (query == null ? "" : "?" + query), user,
                "multipart/form-data; boundary=" + boundary, b.toByteArray());
    }

    private static String ring(double[][] pts) {
        StringBuilder s = new StringBuilder("[[");
        for (int i = 0; i < pts.length; i++) s.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.7f,%.7f]", pts[i][0], pts[i][1]));
        return s.append("]]").toString();
    }

    private static double[][] box(double x1, double y1, double x2, double y2) {
        return new double[][] {{x1, y1}, {x2, y1}, {x2, y2}, {x1, y2}, {x1, y1}};
    }

    private static String feature(String code, String name, double[][] ring) {
        return "{\"type\":\"Feature\",\"properties\":{\"adcode\":" + code + ",\"name\":\"" + name
                + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + ring(ring) + "}}";
    }

    private static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private double area(String code) { return get("/api/divisions/" + code).json().get("areaKm2").asDouble(); }

    private String twoTownships(double[][] t2Ring) {
        double x = c.x0(), y = c.y0();
        return collection(feature(c.t1(), "甲街道", box(x, y, x + 0.021, y + 0.02)), feature(c.t2(), "乙街道", t2Ring));
    }

    @Test
    void invalidPolygonIsReportedAndNothingIsWritten() {
        double x = c.x0(), y = c.y0();
        double[][] bowTie = {{x + 0.02, y}, {x + 0.04, y + 0.02}, {x + 0.04, y}, {x + 0.02, y + 0.02}, {x + 0.02, y}};
        double t1Before = area(c.t1());
        int v1 = get("/api/divisions/" + c.t1()).json().get("version").asInt();
        Response r = upload("towns.geojson", twoTownships(bowTie).getBytes(StandardCharsets.UTF_8), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        JsonNode j = r.json();
        assertThat(j.get("type").asString()).endsWith("import-rejected");
        assertThat(j.get("errors")).hasSize(1);
        assertThat(j.get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(j.get("errors").get(0).get("field").asString()).isEqualTo("geometry");
        assertThat(j.get("errors").get(0).get("message").asString()).contains("Self-intersection").contains("repair=true");
        JsonNode rows = j.get("report").get("rows");
        assertThat(rows.get(0).get("status").asString()).isEqualTo("accepted");
        assertThat(rows.get(1).get("status").asString()).isEqualTo("rejected");
        assertThat(j.get("report").get("written").asBoolean()).isFalse();
        assertThat(area(c.t1())).isEqualTo(t1Before);
        assertThat(get("/api/divisions/" + c.t1()).json().get("version").asInt()).isEqualTo(v1);
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'division_import'")
                .query(Long.class).single()).as("staging tables are dropped").isZero();
    }

    @Test
    void repairOnRequestWritesAndSaysWhatHappened() {
        double x = c.x0(), y = c.y0();
        double[][] bowTie = {{x + 0.02, y}, {x + 0.04, y + 0.02}, {x + 0.04, y}, {x + 0.02, y + 0.02}, {x + 0.02, y}};
        double t1Before = area(c.t1());
        Response r = upload("towns.geojson", twoTownships(bowTie).getBytes(StandardCharsets.UTF_8), "repair=true&crs=EPSG:4490");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode rows = r.json().get("report").get("rows");
        assertThat(rows.get(0).get("info").get("outcome").asString()).isEqualTo("valid");
        assertThat(rows.get(1).get("info").get("outcome").asString()).isEqualTo("repaired");
        assertThat(rows.get(1).get("info").get("repair").asString()).contains("ST_MakeValid").contains("Self-intersection");
        assertThat(r.json().get("crsBasis").asString()).isEqualTo("given");
        assertThat(area(c.t1())).isCloseTo(t1Before * 1.05, offset(t1Before * 1e-3));
        assertThat(get("/api/divisions/" + c.t2()).json().get("geometrySource").asString()).isEqualTo("import:towns.geojson");
        JsonNode h = get("/api/divisions/" + c.t1() + "/history").json();
        assertThat(h.get("events").get(0).get("kind").asString()).isEqualTo("import");
        assertThat(h.get("versions")).hasSize(2);
        // New geometry is a boundary change: listeners (boundary lines to re-survey, caches) hear of it.
        assertThat(recorder.touching(c.t2())).anySatisfy(e -> {
            assertThat(e.eventKind()).isEqualTo("boundary");
            assertThat(e.codes()).contains(c.t1(), c.t2());
        });
    }

    @org.springframework.beans.factory.annotation.Autowired
    DivisionEventRecorder recorder;

    @Test
    void unknownCodesAreRejectedAndDryRunWritesNothing() {
        double x = c.x0(), y = c.y0();
        String fc = collection(feature(c.t1(), "甲", box(x, y, x + 0.01, y + 0.01)), feature("999999999", "无", box(x, y, x + 0.01, y + 0.01)));
        Response r = upload("x.geojson", fc.getBytes(StandardCharsets.UTF_8), "mode=partial&dryRun=true");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("report").get("accepted").asInt()).isEqualTo(1);
        assertThat(r.json().get("report").get("rejected").asInt()).isEqualTo(1);
        assertThat(r.json().get("report").get("written").asBoolean()).isFalse();
        assertThat(r.json().get("report").get("rows").get(1).get("errors").get(0).get("message").asString()).contains("not a known division");
        assertThat(get("/api/divisions/" + c.t1()).json().get("geometrySource").asString()).isEqualTo("synthetic");
        assertThat(upload("x.geojson", fc.getBytes(StandardCharsets.UTF_8), null).status()).isEqualTo(400);
        assertThat(upload("x.txt", new byte[] {1}, null).json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(upload("planner-t", "x.geojson", fc.getBytes(StandardCharsets.UTF_8), null).status()).isEqualTo(403);
    }

    @Test
    void zippedShapefileInGaussKrugerIsReadWithItsDeclaredCrs() throws Exception {
        double x = c.x0(), y = c.y0();
        Path src = tmp.resolve("src.geojson");
        Files.writeString(src, collection(feature(c.t1(), "甲街道", box(x, y, x + 0.015, y + 0.02))));
        Path shpDir = Files.createDirectories(tmp.resolve("shp"));
        int zone = (int) Math.round(x / 3);
        ogr2ogr("-f", "ESRI Shapefile", "-t_srs", "EPSG:" + (4513 + zone - 25), shpDir.resolve("towns.shp").toString(), src.toString());
        byte[] zip = zip(shpDir);
        Response r = upload("towns.zip", zip, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("format").asString()).isEqualTo("shapefile");
        assertThat(r.json().get("crs").asString()).isEqualTo("EPSG:" + (4513 + zone - 25));
        assertThat(r.json().get("crsBasis").asString()).startsWith("declared");
        double expected = 0.015 * 111.32 * Math.cos(Math.toRadians(y + 0.01)) * 0.02 * 110.9;
        assertThat(area(c.t1())).isCloseTo(expected, offset(expected * 0.01));
    }

    @Test
    void geoPackageInGcj02IsConvertedBack() throws Exception {
        double x = c.x0(), y = c.y0();
        double[][] wgs = box(x, y, x + 0.02, y + 0.012);
        double[][] gcj = new double[wgs.length][];
        for (int i = 0; i < wgs.length; i++) gcj[i] = GcjTransform.wgsToGcj(wgs[i][0], wgs[i][1]);
        Path src = tmp.resolve("gcj.geojson");
        Files.writeString(src, collection(feature(c.t1(), "甲街道", gcj)));
        Path gpkg = tmp.resolve("towns.gpkg");
        ogr2ogr("-f", "GPKG", gpkg.toString(), src.toString());
        Response r = upload("towns.gpkg", Files.readAllBytes(gpkg), "crs=GCJ02");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        double[] west = jdbc.sql("select st_xmin(geom), st_ymin(geom) from division where code = :c").param("c", c.t1())
                .query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        assertThat(west[0]).isCloseTo(x, offset(1e-5)); // ~1 m
        assertThat(west[1]).isCloseTo(y, offset(1e-5));
    }

    @Test
    void realDataVPolygonsOfXiamenValidateInGcj02() throws Exception {
        Path real = Path.of("/work/shared/data/real/datav-gcj02/350200_full.json");
        if (!Files.exists(real)) real = Path.of("../../shared/data/real/datav-gcj02/350200_full.json");
        assumeTrue(Files.exists(real), "real DataV data not present");
        DivisionFixtures.ensureRegistry(ctx);
        Response r = upload("350200_full.json", Files.readAllBytes(real), "crs=GCJ02&dryRun=true");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode rep = r.json().get("report");
        assertThat(rep.get("accepted").asInt()).isEqualTo(6);
        assertThat(r.json().get("codeField").asString()).isEqualTo("adcode");
        double total = 0;
        for (JsonNode row : rep.get("rows")) total += row.get("info").get("areaM2").asDouble();
        assertThat(total / 1e6).as("Xiamen land area, km²").isBetween(1500.0, 1800.0);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext ctx;

    private static void ogr2ogr(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("ogr2ogr"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    private static byte[] zip(Path dir) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b); var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                z.putNextEntry(new ZipEntry(f.getFileName().toString()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }
}
