package cn.civgeo.map;

import static cn.civgeo.support.Tiles.tileOf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

class MapApiIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    @BeforeEach
    void data() { DivisionFixtures.ensureDemoCity(ctx); }


    private String name(String code) {
        return jdbc.sql("select name from division where code = :c").param("c", code).query(String.class).single();
    }

    @Test
    void configListsTheLayersAndTheOpeningView() {
        JsonNode c = get("/api/map/config").json();
        assertThat(c.get("centerLon").asDouble()).isBetween(118.0, 118.4);
        assertThat(c.get("maxDivisionLevel").asInt()).isEqualTo(5);
        assertThat(c.get("layers").findValuesAsString("id")).contains("divisions", "division-labels");
        assertThat(c.get("layers").get(0).get("available").asBoolean()).isTrue();
        assertThat(c.get("layers").get(0).get("tiles").asString()).isEqualTo("/api/map/tiles/divisions/{z}/{x}/{y}.mvt");
    }

    @Test
    void aVectorTileHoldsTheDivisionsOfTheZoomsLevelWithCachingHeaders() {
        double[] p = DivisionFixtures.pointIn(jdbc, DivisionFixtures.SIMING);
        int[] t = tileOf(p[0], p[1], 10);
        Response r = get("/api/map/tiles/divisions/10/" + t[0] + "/" + t[1] + ".mvt");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/vnd.mapbox-vector-tile");
        assertThat(r.header("Cache-Control")).contains("max-age=60").contains("public");
        assertThat(r.header("X-Division-Level")).isEqualTo("3");
        String bytes = new String(r.raw().body(), StandardCharsets.UTF_8);
        assertThat(bytes).contains("divisions").contains(name(DivisionFixtures.SIMING)).doesNotContain(name(DivisionFixtures.XIAGANG));

        Response again = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/map/tiles/divisions/10/"
                + t[0] + "/" + t[1] + ".mvt")).header("If-None-Match", r.header("ETag")));
        assertThat(again.status()).isEqualTo(304);

        int[] t13 = tileOf(p[0], p[1], 12);
        Response township = get("/api/map/tiles/divisions/12/" + t13[0] + "/" + t13[1] + ".mvt");
        assertThat(township.header("X-Division-Level")).isEqualTo("4");
        Response fixed = get("/api/map/tiles/divisions/12/" + t13[0] + "/" + t13[1] + ".mvt?level=3");
        assertThat(new String(fixed.raw().body(), StandardCharsets.UTF_8)).contains(name(DivisionFixtures.SIMING));
    }

    @Test
    void aTileFarFromAnyGeometryIsEmptyAndBadAddressesAre400() {
        Response empty = get("/api/map/tiles/divisions/12/0/0.mvt");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.raw().body()).isEmpty();
        Response bad = get("/api/map/tiles/divisions/3/9/0.mvt");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("x");
        assertThat(get("/api/map/tiles/nosuchlayer/3/1/1.mvt").status()).isEqualTo(404);
        assertThat(get("/api/map/tiles/division-labels/3/1/1.mvt").status()).isEqualTo(404);
    }

    @Test
    void itemsAreFilteredByBboxAndLevelPagedAndSimplifiedForTheZoom() {
        double[] p = DivisionFixtures.pointIn(jdbc, DivisionFixtures.SIMING);
        String bbox = (p[0] - 0.001) + "," + (p[1] - 0.001) + "," + (p[0] + 0.001) + "," + (p[1] + 0.001);
        JsonNode fc = get("/api/map/collections/divisions/items?level=3&bbox=" + bbox).json();
        assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(fc.get("features").findValuesAsString("id")).contains(DivisionFixtures.SIMING);
        JsonNode f = fc.get("features").get(0);
        assertThat(f.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
        assertThat(f.get("geometry").has("crs")).isFalse(); // RFC 7946: no crs member

        JsonNode page = get("/api/map/collections/divisions/items?level=4&limit=5&bbox=117.8,24.3,118.6,25.0").json();
        assertThat(page.get("numberReturned").asInt()).isEqualTo(5);
        assertThat(page.get("numberMatched").asInt()).isGreaterThan(5);
        assertThat(page.get("links").findValuesAsString("rel")).contains("self", "next");

        String full = get("/api/map/collections/divisions/items/" + DivisionFixtures.SIMING).body();
        String coarse = get("/api/map/collections/divisions/items/" + DivisionFixtures.SIMING + "?zoom=8").body();
        assertThat(coarse.length()).isLessThan(full.length());

        assertThat(get("/api/map/collections/divisions/items?bbox=1,2,3").json().get("errors").get(0).get("field").asString()).isEqualTo("bbox");
        assertThat(get("/api/map/collections/divisions/items?limit=5000").status()).isEqualTo(400);
        assertThat(get("/api/map/collections/divisions/items/999999999999").status()).isEqualTo(404);
    }

    @Test
    void labelsSearchByNameOrInitials() {
        String siming = name(DivisionFixtures.SIMING);
        JsonNode fc = get("/api/map/collections/division-labels/items?limit=5&q=" + java.net.URLEncoder.encode(siming, StandardCharsets.UTF_8)).json();
        assertThat(fc.get("features").get(0).get("properties").get("name").asString()).isEqualTo(siming);
        assertThat(fc.get("features").get(0).get("geometry").get("type").asString()).isEqualTo("Point");
    }

    @Test
    void exportsGeoJsonCsvAndKml() {
        Response gj = get("/api/map/collections/divisions/export?format=geojson&level=3&bbox=117.8,24.3,118.6,25.0");
        assertThat(gj.header("Content-Disposition")).contains("attachment").contains("divisions.geojson");
        assertThat(gj.json().get("features").findValuesAsString("id")).contains(DivisionFixtures.SIMING);

        Response csv = get("/api/map/collections/divisions/export?format=csv&level=3&bbox=117.8,24.3,118.6,25.0");
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFid,code,name").endsWith(",wkt");
        // Code columns are written as ="…" text so Excel keeps them (350203 stays 350203, not a number).
        String asText = "\"=\"\"" + DivisionFixtures.SIMING + "\"\"\"";
        assertThat(csv.body()).contains(asText + "," + asText + "," + name(DivisionFixtures.SIMING))
                .contains("\"MULTIPOLYGON (((");
        // GDAL, which types columns as a spreadsheet would, reads the code columns as text, not numbers.
        String info = ogrinfoCsv(csv.raw().body());
        assertThat(info).contains("code: String").contains("id: String").contains("parentCode: String");

        Response kml = get("/api/map/collections/divisions/export?format=kml&level=3&bbox=117.8,24.3,118.6,25.0");
        assertThat(kml.body()).startsWith("<?xml").contains("<Placemark><name>" + name(DivisionFixtures.SIMING) + "</name>")
                .contains("<coordinates>");
        assertThat(get("/api/map/collections/divisions/export?format=shp").status()).isEqualTo(400);
    }

    /** The export pages by key: Link rel=next (after=) walks disjoint pages whose union is the whole export. */
    @Test
    void exportPagesFollowTheCursor() {
        String q = "/api/map/collections/divisions/export?format=geojson&level=3&bbox=117.8,24.3,118.6,25.0";
        List<String> whole = get(q).json().get("features").findValuesAsString("id");
        assertThat(whole.size()).as("the demo city's counties").isGreaterThan(3);
        List<String> paged = new java.util.ArrayList<>();
        String url = q + "&limit=2";
        int pages = 0;
        while (url != null && pages++ < 1000) {
            Response r = get(url.replaceFirst("^https?://[^/]+", ""));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            List<String> ids = r.json().get("features").findValuesAsString("id");
            assertThat(ids.size()).isBetween(1, 2);
            paged.addAll(ids);
            String link = r.header("Link");
            if (link == null) {
                url = null;
            } else {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(link);
                assertThat(m.find()).as(link).isTrue();
                url = m.group(1);
                assertThat(url).contains("after=").doesNotContain("offset=");
            }
        }
        assertThat(paged).containsExactlyElementsOf(whole);
        assertThat(get(q + "&after=bm90LWEtY3Vyc29y").json().get("errors").findValuesAsString("field")).containsExactly("after");
        // a cursor whose parts are not the layer's key (labels: a level, then a code)
        String handMade = cn.civgeo.common.io.StreamedExport.Cursor.encode(List.of("x\u001f350203"));
        Response bad = get("/api/map/collections/division-labels/export?after=" + handMade);
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactly("after");
    }

    /**
     * An export streams from a database cursor into the answer (no page held in memory): it goes out in chunks, no
     * Content-Length known up front, and carries every feature the layer has, each once.
     */
    @Test
    void exportStreamsTheWholeLayer() {
        Response all = get("/api/map/collections/divisions/export?format=geojson");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.header("Content-Length")).as("a streamed answer has no length up front").isNull();
        List<String> ids = all.json().get("features").findValuesAsString("id");
        long inDb = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("select count(*) from division_read where status = 'active' and geom is not null").query(Long.class).single();
        assertThat(ids).hasSize((int) inDb).doesNotHaveDuplicates();
        Response csv = get("/api/map/collections/divisions/export?format=csv&bbox=0,0,0.001,0.001");
        assertThat(csv.body()).as("an empty export still has its header").isEqualTo("\uFEFFid,wkt\r\n");
        Response kml = get("/api/map/collections/divisions/export?format=kml&bbox=0,0,0.001,0.001");
        assertThat(kml.body()).contains("<Document><name>divisions</name>").endsWith("</Document></kml>\n");
    }

    private static String ogrinfoCsv(byte[] body) {
        try {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("civgeo-export", ".csv");
            java.nio.file.Files.write(f, body);
            Process p = new ProcessBuilder("ogrinfo", "-ro", "-al", "-so", "-oo", "AUTODETECT_TYPE=YES", f.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            java.nio.file.Files.deleteIfExists(f);
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
