package cn.civgeo.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.civgeo.boundary.Multipart;
import cn.civgeo.common.crs.GcjTransform;
import cn.civgeo.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Site-suggestion candidates from an uploaded file of parcels (POST /api/site-suggestions/parcels) on {@link TestCity}
 * (no road network: each candidate's area is a straight-line disc; the day-care centre F1 covers v0). Parcels:
 * A-12 a 200 m square round v2's centre (300 elderly, uncovered), B-3 a square round v5's (90 elderly), C-1 a point
 * at v0 (covered already). A 2-site suggestion over them picks A-12 then B-3, each named by its parcel.
 */
class ParcelCandidatesIT extends IntegrationTest {
    private static TestCity city;

    @BeforeEach
    void fixture() {
        synchronized (ParcelCandidatesIT.class) {
            if (city != null) return;
            TestCity c = TestCity.create(jdbc);
            Map<String, Object> body = new HashMap<>(Map.of("kind", "community_station", "name", "测试" + c.rr + "F1",
                    "operatorKind", "public", "lon", c.lon(0, 0), "lat", c.lat(0), "beds", 10));
            Response r = post("/api/facilities", "planner-t", body);
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            city = c;
        }
    }

    private String square(int village, double dx) {
        double x0 = city.lon(village, dx - 100), x1 = city.lon(village, dx + 100), y0 = city.lat(-100), y1 = city.lat(100);
        return "[[[" + x0 + "," + y0 + "],[" + x1 + "," + y0 + "],[" + x1 + "," + y1 + "],[" + x0 + "," + y1 + "],[" + x0 + "," + y0 + "]]]";
    }

    private String parcels() {
        return "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"地块编号\":\"A-12\",\"DKBH\":\"A-12\",\"用途\":\"养老\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + square(2, 0) + "}},"
                + "{\"type\":\"Feature\",\"properties\":{\"地块编号\":\"B-3\",\"DKBH\":\"B-3\",\"用途\":\"养老\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + square(5, 0) + "}},"
                + "{\"type\":\"Feature\",\"properties\":{\"地块编号\":\"C-1\",\"DKBH\":\"C-1\",\"用途\":\"养老\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":["
                + city.lon(0, 0) + "," + city.lat(0) + "]}}]}";
    }

    private Response upload(String filename, byte[] bytes, String query) {
        Multipart m = Multipart.file("file", filename, "application/octet-stream", bytes);
        return call("POST", "/api/site-suggestions/parcels" + query, "planner-t", m.contentType(), m.body());
    }

    private JsonNode ok(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aGeoJsonOfParcelsGivesNamedCandidatesAndThePicksAreParcels() throws InterruptedException {
        JsonNode p = ok(upload("地块.geojson", parcels().getBytes(StandardCharsets.UTF_8), ""));
        assertThat(p.get("count").asInt()).isEqualTo(3);
        assertThat(p.get("nameField").asString()).isEqualTo("地块编号");
        assertThat(p.get("parcels").findValuesAsString("name")).containsExactly("A-12", "B-3", "C-1");
        // a square's point on surface is inside it (here: its centre line), a point is itself
        JsonNode a = p.get("parcels").get(0);
        assertThat(a.get("lon").asDouble()).isBetween(city.lon(2, -100), city.lon(2, 100));
        assertThat(a.get("lat").asDouble()).isBetween(city.lat(-100), city.lat(100));
        assertThat(p.get("parcels").get(2).get("lon").asDouble()).isCloseTo(city.lon(0, 0), within(1e-7));

        JsonNode result = suggest(p);
        JsonNode picks = result.get("picks");
        assertThat(picks.size()).isEqualTo(2);
        assertThat(picks.findValuesAsString("candidateName")).containsExactly("A-12", "B-3");
        assertThat(picks.get(0).get("divisionCode").asString()).isEqualTo(city.villages.get(2));
        assertThat(picks.get(1).get("divisionCode").asString()).isEqualTo(city.villages.get(5));
        assertThat(picks.get(0).get("lon").asDouble()).isEqualTo(a.get("lon").asDouble());
        assertThat(picks.get(0).get("gainElderly").asDouble()).isGreaterThan(picks.get(1).get("gainElderly").asDouble()).isPositive();
    }

    @Test
    void parcelsOutsideTheChosenDivisionAreRejectedPerFeatureWithTheReason() {
        byte[] file = parcels().getBytes(StandardCharsets.UTF_8);
        // 甲区 (county A) holds v0..v2: A-12 (v2) and C-1 (v0) inside, B-3 (v5, in 乙县) outside
        JsonNode p = ok(upload("地块.geojson", file, "?division=" + city.countyA));
        assertThat(p.get("count").asInt()).isEqualTo(2);
        assertThat(p.get("division").asString()).isEqualTo(city.countyA);
        assertThat(p.get("parcels").findValuesAsString("name")).containsExactly("A-12", "C-1");
        JsonNode rejected = p.get("rejected");
        assertThat(rejected.size()).isEqualTo(1);
        assertThat(rejected.get(0).get("feature").asInt()).isEqualTo(2);
        assertThat(rejected.get(0).get("name").asString()).isEqualTo("B-3");
        assertThat(rejected.get(0).get("lon").asDouble()).isBetween(city.lon(5, -100), city.lon(5, 100));
        assertThat(rejected.get(0).get("reason").asString()).isEqualTo("lies outside the division " + city.countyA + " (甲区)");
        // in Chinese for a Chinese user
        Response zh = uploadIn("zh-CN", "地块.geojson", file, "?division=" + city.countyA);
        assertThat(zh.status()).as(zh.toString()).isEqualTo(200);
        assertThat(zh.json().get("rejected").get(0).get("reason").asString()).isEqualTo("位于所选区划 甲区（" + city.countyA + "）之外");
        // without a division nothing is rejected
        JsonNode all = ok(upload("地块.geojson", file, ""));
        assertThat(all.get("count").asInt()).isEqualTo(3);
        assertThat(all.get("rejected").size()).isZero();
        // the township 乙一镇 (v3, v4) holds none of them: 400 on file, every parcel listed
        Response none = upload("地块.geojson", file, "?division=" + city.b1);
        assertProblem(none, 400, "file");
        assertThat(none.json().get("detail").asString()).isEqualTo("file: none of the 3 parcels lies inside the division " + city.b1 + " (乙一镇)");
        assertThat(none.json().get("rejected").findValuesAsString("name")).containsExactly("A-12", "B-3", "C-1");
        assertThat(none.json().get("rejected").findValues("feature").stream().map(JsonNode::asInt).toList()).containsExactly(1, 2, 3);
        Response noneZh = uploadIn("zh-CN", "地块.geojson", file, "?division=" + city.b1);
        assertThat(noneZh.status()).isEqualTo(400);
        assertThat(noneZh.json().get("detail").asString()).isEqualTo("文件：3 个地块都不在所选区划 乙一镇（" + city.b1 + "）之内");
        assertThat(noneZh.json().get("rejected").get(0).get("reason").asString()).isEqualTo("位于所选区划 乙一镇（" + city.b1 + "）之外");
        // a division that is not a code, or that does not exist
        assertProblem(upload("地块.geojson", file, "?division=abc"), 400, "division");
        assertThat(upload("地块.geojson", file, "?division=" + city.prefecture.substring(0, 2) + "9999").status()).isEqualTo(404);
    }

    private Response uploadIn(String lang, String filename, byte[] bytes, String query) {
        Multipart m = Multipart.file("file", filename, "application/octet-stream", bytes);
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/site-suggestions/parcels" + query))
                .header("Authorization", "Bearer " + token("planner-t")).header("Content-Type", m.contentType())
                .header("Accept-Language", lang).POST(HttpRequest.BodyPublishers.ofByteArray(m.body())));
    }

    @Test
    void aZippedShapefileMadeByOgr2ogrGivesTheSameParcels() throws Exception {
        Path dir = Files.createTempDirectory("parcels-it");
        try {
            Path src = dir.resolve("in.geojson");
            Files.writeString(src, parcels());
            Path shp = dir.resolve("parcels.shp");
            Process pr = new ProcessBuilder("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shp.toString(), src.toString(),
                    "-where", "OGR_GEOMETRY = 'POLYGON'").redirectErrorStream(true).start();
            String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(pr.waitFor()).as(out).isZero();
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(zip)) {
                for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
                    Path f = dir.resolve("parcels." + ext);
                    if (!Files.exists(f)) continue;
                    z.putNextEntry(new ZipEntry("地块/parcels." + ext)); // in a folder, as zipping a folder does
                    z.write(Files.readAllBytes(f));
                    z.closeEntry();
                }
            }
            JsonNode p = ok(upload("parcels.zip", zip.toByteArray(), ""));
            assertThat(p.get("crsBasis").asString()).startsWith("declared");
            // a shapefile's field names are 10 bytes at most: 地块编号 (12 bytes in UTF-8) is cut, so the names come
            // from DKBH (地块编号's initials, the next attribute in the list)
            List<String> names = p.get("parcels").findValuesAsString("name");
            assertThat(p.get("nameField").asString()).isEqualToIgnoringCase("dkbh");
            assertThat(names).containsExactly("A-12", "B-3");
            JsonNode result = suggest(p);
            assertThat(result.get("picks").findValuesAsString("divisionCode")).containsExactly(city.villages.get(2), city.villages.get(5));
            assertThat(result.get("picks").findValuesAsString("candidateName")).containsExactlyElementsOf(names);
        } finally {
            try (var s = Files.walk(dir)) { s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete()); }
        }
    }

    @Test
    void aZippedShapefileInGbkWithoutACpgKeepsItsChineseNames() throws Exception {
        Path dir = Files.createTempDirectory("parcels-gbk-it");
        try {
            // Chinese names and a Chinese field name (名称: 4 bytes in GBK, within the DBF's 10) in GBK, then no .cpg
            String fc = parcels().replace("\"地块编号\":\"A-12\"", "\"名称\":\"湖滨一号地块\"").replace("\"地块编号\":\"B-3\"", "\"名称\":\"乙二乡养老地块\"");
            Path src = dir.resolve("in.geojson");
            Files.writeString(src, fc);
            Path shp = dir.resolve("parcels.shp");
            Process pr = new ProcessBuilder("ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", shp.toString(), src.toString(),
                    "-where", "OGR_GEOMETRY = 'POLYGON'", "-select", "名称,DKBH").redirectErrorStream(true).start();
            String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(pr.waitFor()).as(out).isZero();
            byte[] dbf = Files.readAllBytes(dir.resolve("parcels.dbf"));
            assertThat(dbf[29]).as("no language-driver byte").isZero();
            assertThat(new String(dbf, java.nio.charset.Charset.forName("GBK"))).contains("湖滨一号地块");
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(zip)) {
                for (String ext : List.of("shp", "shx", "dbf", "prj")) { // no .cpg
                    z.putNextEntry(new ZipEntry("parcels." + ext));
                    z.write(Files.readAllBytes(dir.resolve("parcels." + ext)));
                    z.closeEntry();
                }
            }
            JsonNode p = ok(upload("parcels.zip", zip.toByteArray(), ""));
            assertThat(p.get("nameField").asString()).isEqualTo("名称");
            assertThat(p.get("parcels").findValuesAsString("name")).containsExactly("湖滨一号地块", "乙二乡养老地块");
        } finally {
            try (var s = Files.walk(dir)) { s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete()); }
        }
    }

    @Test
    void aCsvInGcj02WithChineseColumnsIsShiftedBackToCgcs2000() {
        double[] g = GcjTransform.wgsToGcj(city.lon(2, 0), city.lat(0));
        String csv = "地块名称,经度,纬度\nA-12," + g[0] + "," + g[1] + "\n";
        JsonNode p = ok(upload("地块.csv", csv.getBytes(java.nio.charset.Charset.forName("GBK")), "?crs=GCJ02"));
        JsonNode a = p.get("parcels").get(0);
        assertThat(a.get("name").asString()).isEqualTo("A-12");
        // GCJ-02 is hundreds of metres off here; back within 1 m (1e-5°) of the WGS 84 / CGCS2000 point
        assertThat(Math.abs(g[0] - city.lon(2, 0)) + Math.abs(g[1] - city.lat(0))).isGreaterThan(1e-3);
        assertThat(a.get("lon").asDouble()).isCloseTo(city.lon(2, 0), within(1e-5));
        assertThat(a.get("lat").asDouble()).isCloseTo(city.lat(0), within(1e-5));
        // a WKT column, no CRS declared, lon/lat-looking coordinates: assumed CGCS2000
        String wkt = "name,wkt\nW-1,\"POLYGON((" + city.lon(5, -50) + " " + city.lat(-50) + "," + city.lon(5, 50) + " " + city.lat(-50) + ","
                + city.lon(5, 50) + " " + city.lat(50) + "," + city.lon(5, -50) + " " + city.lat(-50) + "))\"\n";
        JsonNode w = ok(upload("w.csv", wkt.getBytes(StandardCharsets.UTF_8), ""));
        assertThat(w.get("crsBasis").asString()).startsWith("assumed CGCS2000");
        assertThat(w.get("parcels").get(0).get("name").asString()).isEqualTo("W-1");
        assertThat(w.get("parcels").get(0).get("lon").asDouble()).isBetween(city.lon(5, -50), city.lon(5, 50));
    }

    @Test
    void badFilesAreRefusedNamingTheFieldAndNothingIsKept() throws Exception {
        assertProblem(upload("a.txt", "x".getBytes(StandardCharsets.UTF_8), ""), 400, "file");
        assertProblem(upload("a.geojson", "{not json".getBytes(StandardCharsets.UTF_8), ""), 400, "file");
        assertProblem(upload("a.csv", "name,what\nA,1\n".getBytes(StandardCharsets.UTF_8), ""), 400, "file");
        assertProblem(upload("a.geojson", parcels().getBytes(StandardCharsets.UTF_8), "?crs=EPSG:1234"), 400, "crs");
        assertProblem(upload("a.geojson", parcels().getBytes(StandardCharsets.UTF_8), "?nameField=nope"), 400, "nameField");
        // points far outside China (metres read as degrees would be): refused on crs
        assertProblem(upload("m.csv", "name,x,y\nA,500000,3000000\n".getBytes(StandardCharsets.UTF_8), ""), 400, "crs");
        // a zip without a shapefile, and a zip bomb (a 0-filled entry inflating 1000 times past the guard's ratio)
        ByteArrayOutputStream z1 = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(z1)) { z.putNextEntry(new ZipEntry("readme.txt")); z.write(1); z.closeEntry(); }
        assertProblem(upload("a.zip", z1.toByteArray(), ""), 400, "file");
        ByteArrayOutputStream z2 = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(z2)) {
            z.putNextEntry(new ZipEntry("x.shp"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) z.write(zeros);
            z.closeEntry();
        }
        assertProblem(upload("bomb.zip", z2.toByteArray(), ""), 413, "file");
        // more parcels than the limit
        StringBuilder many = new StringBuilder("name,lon,lat\n");
        for (int i = 0; i <= ParcelCandidates.MAX_PARCELS; i++) many.append("P").append(i).append(',').append(city.lon(1, i % 900 - 450)).append(',').append(city.lat(0)).append('\n');
        assertProblem(upload("many.csv", many.toString().getBytes(StandardCharsets.UTF_8), ""), 413, "file");
        // a viewer may not
        Multipart m = Multipart.file("file", "a.geojson", "application/octet-stream", parcels().getBytes(StandardCharsets.UTF_8));
        assertThat(call("POST", "/api/site-suggestions/parcels", "viewer-t", m.contentType(), m.body()).status()).isEqualTo(403);
        // in Chinese for a Chinese user, the field named by its label
        Multipart csv = Multipart.file("file", "a.csv", "text/csv", "name,what\nA,1\n".getBytes(StandardCharsets.UTF_8));
        Response zh = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/site-suggestions/parcels"))
                .header("Authorization", "Bearer " + token("planner-t")).header("Content-Type", csv.contentType())
                .header("Accept-Language", "zh-CN").POST(HttpRequest.BodyPublishers.ofByteArray(csv.body())));
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.body()).contains("第 1 个地块没有几何");
        // nothing left behind in the scratch folders
        assertThat(scratchParcelFolders()).isZero();
    }

    private void assertProblem(Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsString("field")).as(r.toString()).contains(field);
    }

    private static long scratchParcelFolders() throws java.io.IOException {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "civgeo-work");
        if (!Files.isDirectory(root)) return 0;
        try (var s = Files.walk(root, 2)) {
            return s.filter(p -> p.getFileName().toString().startsWith("parcels")).count();
        } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException raced) {
            return 0; // another context's folder went while walking: not ours
        }
    }

    private JsonNode suggest(JsonNode parcels) throws InterruptedException {
        List<double[]> cands = new ArrayList<>();
        List<String> names = new ArrayList<>();
        parcels.get("parcels").forEach(p -> {
            cands.add(new double[] {p.get("lon").asDouble(), p.get("lat").asDouble()});
            names.add(p.get("name").asString());
        });
        Response submitted = post("/api/site-suggestions", "planner-t", Map.of("division", city.prefecture, "k", 2,
                "kinds", List.of("community_station"), "candidates", cands, "candidateNames", names));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        String id = submitted.json().get("id").asString();
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(until)) {
            JsonNode j = get("/api/jobs/" + id, "planner-t").json();
            String status = j.get("status").asString().toUpperCase(Locale.ROOT);
            if (status.equals("SUCCEEDED")) return j.get("result");
            if (status.equals("FAILED")) throw new AssertionError("job failed: " + j);
            Thread.sleep(200);
        }
        throw new AssertionError("job " + id + " did not finish");
    }
}
