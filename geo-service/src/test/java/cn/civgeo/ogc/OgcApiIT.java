package cn.civgeo.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

class OgcApiIT extends IntegrationTest {
    static final String BASE = "/api/ogc";
    @Autowired
    ApplicationContext ctx;

    @BeforeEach
    void data() { OgcFixtures.ensureDemo(ctx); }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private long viewCount(String sql) { return jdbc.sql(sql).query(Long.class).single(); }

    @Test
    void landingPageConformanceAndCollectionsDescribeEveryPublicLayer() {
        JsonNode landing = get(BASE).json();
        List<String> rels = landing.get("links").findValuesAsString("rel");
        assertThat(rels).contains("self", "service-desc", "service-doc", "conformance", "data");
        assertThat(get(BASE + "/conformance").json().get("conformsTo").toString())
                .contains("ogcapi-features-1/1.0/conf/core", "conf/geojson", "ogcapi-features-2/1.0/conf/crs",
                        "cql2/1.0/conf/cql2-text", "advanced-comparison-operators");
        Response r = get(BASE + "/collections");
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode cols = r.json().get("collections");
        List<String> ids = cols.findValuesAsString("id");
        assertThat(ids).contains("divisions-province", "divisions-county", "divisions-village", "boundary-lines",
                "boundary-markers", "disputes", "place-names-points", "place-names-lines", "place-names-areas",
                "addresses", "facilities-nursing-home", "facilities-funeral-home", "service-areas", "coverage-gaps");
        for (JsonNode c : cols) {
            assertThat(c.get("links").findValuesAsString("rel")).as(c.get("id").asString())
                    .contains("self", "items", "alternate", "http://www.opengis.net/def/rel/ogc/1.0/queryables");
            assertThat(c.get("crs").toString()).contains("OGC/1.3/CRS84", "EPSG/0/4490", "EPSG/0/3857", "EPSG/0/4554");
            assertThat(c.get("storageCrs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/4490");
        }
        JsonNode county = cols.get(ids.indexOf("divisions-county"));
        assertThat(county.get("geometryType").asString()).isEqualTo("MultiPolygon");
        JsonNode bbox = county.get("extent").get("spatial").get("bbox").get(0);
        double[] db = jdbc.sql("select st_xmin(e), st_ymin(e), st_xmax(e), st_ymax(e) from (select st_extent(geom) e from division where level = 3 and geom is not null) x")
                .query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)}).single();
        assertThat(bbox.get(0).asDouble()).isEqualTo(db[0], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bbox.get(3).asDouble()).isEqualTo(db[3], org.assertj.core.data.Offset.offset(1e-9));
        JsonNode nursing = cols.get(ids.indexOf("facilities-nursing-home"));
        String firstOpened = jdbc.sql("select min(opened_on)::text from facility where kind = 'nursing_home'").query(String.class).single();
        assertThat(nursing.get("extent").get("temporal").get("interval").get(0).get(0).asString()).isEqualTo(firstOpened);
    }

    @Test
    void itemsArePagedWithNextLinksAndTheLimitIsCapped() {
        long villages = viewCount("select count(*) from division_public where level = 5");
        JsonNode page = get(BASE + "/collections/divisions-village/items").json();
        assertThat(page.get("numberReturned").asInt()).isEqualTo(10);
        assertThat(page.get("numberMatched").asLong()).isEqualTo(villages);
        String next = null;
        for (JsonNode l : page.get("links")) if (l.get("rel").asString().equals("next")) next = l.get("href").asString();
        assertThat(next).contains("offset=10").contains("limit=10");
        JsonNode second = get(next.substring(next.indexOf(BASE))).json();
        assertThat(second.get("features").get(0).get("id").asString())
                .isNotEqualTo(page.get("features").get(0).get("id").asString());

        long addresses = viewCount("select count(*) from address_public");
        JsonNode big = get(BASE + "/collections/addresses/items?limit=50000").json();
        assertThat(big.get("numberReturned").asInt()).isEqualTo((int) Math.min(addresses, 10_000));
        assertThat(big.get("numberMatched").asLong()).isEqualTo(addresses);
        assertThat(big.get("features").get(0).get("geometry").get("type").asString()).isEqualTo("Point");
        assertThat(get(BASE + "/collections/addresses/items?limit=0").status()).isEqualTo(400);
    }

    @Test
    void bboxSelectsByTrueIntersectionNotByEnvelope() {
        // A small box inside Siming's envelope but outside the district itself.
        double[] p = jdbc.sql("""
                select st_x(p), st_y(p) from (select st_pointonsurface(st_difference(st_envelope(geom), st_buffer(geom, 0.002))) p
                  from division where code = :c) q""").param("c", DivisionFixtures.SIMING)
                .query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        String box = (p[0] - 0.0005) + "," + (p[1] - 0.0005) + "," + (p[0] + 0.0005) + "," + (p[1] + 0.0005);
        List<String> ids = get(BASE + "/collections/divisions-county/items?limit=100&bbox=" + box).json()
                .get("features").findValuesAsString("id");
        assertThat(ids).doesNotContain(DivisionFixtures.SIMING);
        double[] in = DivisionFixtures.pointIn(jdbc, DivisionFixtures.SIMING);
        String inside = (in[0] - 0.0005) + "," + (in[1] - 0.0005) + "," + (in[0] + 0.0005) + "," + (in[1] + 0.0005);
        assertThat(get(BASE + "/collections/divisions-county/items?bbox=" + inside).json().get("features")
                .findValuesAsString("id")).contains(DivisionFixtures.SIMING);
        // the same box given lat,lon in EPSG:4490 by URI
        String latLon = (in[1] - 0.0005) + "," + (in[0] - 0.0005) + "," + (in[1] + 0.0005) + "," + (in[0] + 0.0005);
        assertThat(get(BASE + "/collections/divisions-county/items?bbox-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4490")
                + "&bbox=" + latLon).json().get("features").findValuesAsString("id")).contains(DivisionFixtures.SIMING);
    }

    @Test
    void crsByReferenceSwapsAxesAsTheEpsgDefinitionsSay() {
        String path = BASE + "/collections/boundary-markers/items?limit=1";
        Response lonLat = get(path);
        assertThat(lonLat.header("Content-Crs")).isEqualTo("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
        JsonNode c0 = lonLat.json().get("features").get(0).get("geometry").get("coordinates");
        Response latLon = get(path + "&crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4490"));
        assertThat(latLon.header("Content-Crs")).isEqualTo("<http://www.opengis.net/def/crs/EPSG/0/4490>");
        JsonNode c1 = latLon.json().get("features").get(0).get("geometry").get("coordinates");
        assertThat(c1.get(0).asDouble()).isEqualTo(c0.get(1).asDouble());
        assertThat(c1.get(1).asDouble()).isEqualTo(c0.get(0).asDouble());
        JsonNode merc = get(path + "&crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/3857")).json()
                .get("features").get(0).get("geometry").get("coordinates");
        assertThat(merc.get(0).asDouble()).isBetween(1.3e7, 1.33e7); // Xiamen's easting in Web Mercator
        // CGCS2000 GK zone 39 (EPSG:4527, 117°E, zone-prefixed easting): northing first
        JsonNode gk = get(path + "&crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4527")).json()
                .get("features").get(0).get("geometry").get("coordinates");
        assertThat(gk.get(0).asDouble()).isBetween(2.6e6, 2.8e6);
        assertThat(gk.get(1).asDouble()).isBetween(39.5e6, 39.7e6); // 118.1°E is ~111 km east of 117°E: 39 611 xxx
        Response bad = get(path + "&crs=EPSG:2000");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("crs");
    }

    @Test
    void polygonsAreCounterClockwiseAndDeclaredMultiPolygon() {
        JsonNode f = get(BASE + "/collections/divisions-county/items?limit=1").json().get("features").get(0);
        assertThat(f.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
        JsonNode ring = f.get("geometry").get("coordinates").get(0).get(0);
        double area2 = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            area2 += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                    - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
        }
        assertThat(area2).as("signed area of the outer ring (RFC 7946: counter-clockwise)").isPositive();
        assertThat(f.get("properties").has("code")).isTrue();
        assertThat(f.get("properties").has("geom")).isFalse();
    }

    @Test
    void cql2FiltersAndDatetimeSelectTheRightRecords() {
        String county = BASE + "/collections/divisions-county/items?limit=100&filter=";
        JsonNode byName = get(county + enc("name = '思明区'")).json();
        assertThat(byName.get("features").findValuesAsString("id")).containsExactly(DivisionFixtures.SIMING);
        long like = viewCount("select count(*) from division_public where level = 3 and name like '%区'");
        assertThat(get(county + enc("name LIKE '%区' AND level IN (3)")).json().get("numberMatched").asLong()).isEqualTo(like);
        assertThat(get(county + enc("NOT (name LIKE '%区') OR code = '" + DivisionFixtures.SIMING + "'")).json()
                .get("numberMatched").asLong()).isEqualTo(viewCount("select count(*) from division_public where level = 3") - like + 1);
        double[] in = DivisionFixtures.pointIn(jdbc, DivisionFixtures.SIMING);
        assertThat(get(county + enc("S_INTERSECTS(geometry, POINT(" + in[0] + " " + in[1] + "))")).json()
                .get("features").findValuesAsString("id")).containsExactly(DivisionFixtures.SIMING);
        long mid = viewCount("select count(*) from facility_public where kind = 'nursing_home' and beds between 50 and 150");
        assertThat(get(BASE + "/collections/facilities-nursing-home/items?filter=" + enc("beds BETWEEN 50 AND 150"))
                .json().get("numberMatched").asLong()).isEqualTo(mid);

        Response bad = get(county + enc("name = 'x' AND level >"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("filter");
        assertThat(bad.json().get("detail").asString()).contains("expected a value for 'level'").contains("position 23");
        assertThat(get(county + enc("nosuch = 1")).json().get("detail").asString()).contains("nosuch");

        String open = jdbc.sql("select min(opened_on)::text from facility where kind = 'nursing_home' and opened_on is not null")
                .query(String.class).single();
        long openAt = viewCount("select count(*) from facility_public where kind = 'nursing_home' and (\"openedOn\" is null or \"openedOn\" <= '"
                + open + "') and (\"closedOn\" is null or \"closedOn\" > '" + open + "')");
        assertThat(get(BASE + "/collections/facilities-nursing-home/items?datetime=" + open).json().get("numberMatched").asLong())
                .isEqualTo(openAt).isLessThan(viewCount("select count(*) from facility_public where kind = 'nursing_home'"));
        assertThat(get(BASE + "/collections/facilities-nursing-home/items?datetime=2020-13-01").status()).isEqualTo(400);
    }

    @Test
    void unknownParametersAnd404sAreProblems() {
        Response r = get(BASE + "/collections/divisions-county/items?zoom=3");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("zoom");
        assertThat(get(BASE + "/collections?limit=1").status()).isEqualTo(400);
        assertThat(get(BASE + "/collections/nosuch/items").status()).isEqualTo(404);
        assertThat(get(BASE + "/collections/divisions-county/items/999999").status()).isEqualTo(404);
        JsonNode one = get(BASE + "/collections/divisions-county/items/" + DivisionFixtures.SIMING).json();
        assertThat(one.get("properties").get("name").asString()).isEqualTo("思明区");
    }

    @Test
    void queryablesAreAJsonSchemaOfTheViewsColumns() {
        Response r = get(BASE + "/collections/facilities-nursing-home/queryables");
        assertThat(r.contentType()).startsWith("application/schema+json");
        JsonNode props = r.json().get("properties");
        assertThat(props.get("beds").get("type").asString()).isEqualTo("integer");
        assertThat(props.get("name").get("type").asString()).isEqualTo("string");
        assertThat(props.get("openedOn").get("format").asString()).isEqualTo("date");
        assertThat(props.get("geometry").get("$ref").asString()).endsWith("Point.json");
    }

    @Test
    void anonymousHeadAndOptionsAreAnsweredLikeGet() {
        for (String path : List.of(BASE + "/collections", "/api/map/collections", "/api/map/config")) {
            Response head = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(head.status()).as(path).isEqualTo(200);
            assertThat(head.raw().body()).isEmpty();
            Response options = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertThat(options.status()).as(path).isEqualTo(200);
            assertThat(options.header("Allow")).contains("GET");
        }
        // the web map's own collections keep working
        List<String> ids = new ArrayList<>(get("/api/map/collections").json().get("collections").findValuesAsString("id"));
        assertThat(ids).contains("divisions");
    }

    @Test
    void everyOperationDocumentsItsProblemAnswers() {
        JsonNode doc = get("/v3/api-docs").json();
        assertThat(doc.get("components").get("schemas").has("Problem")).isTrue();
        int ops = 0;
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                JsonNode responses = op.getValue().get("responses");
                for (String status : List.of("400", "401", "500")) {
                    assertThat(responses.get(status)).as(op.getKey() + " " + path.getKey() + " " + status).isNotNull();
                    assertThat(responses.get(status).get("content").has("application/problem+json")).isTrue();
                }
                if (path.getKey().contains("{")) assertThat(responses.has("404")).as(path.getKey()).isTrue();
                ops++;
            }
        }
        assertThat(ops).isGreaterThan(50);
        JsonNode items = doc.get("paths").get("/api/ogc/collections/{collectionId}/items").get("get");
        assertThat(items.get("tags").get(0).asString()).isEqualTo("OGC API Features");
        assertThat(items.get("responses").get("200").get("content").has("application/geo+json")).isTrue();
        // the OGC API's own definition is what GDAL reads: relative paths, filter-lang with cql-text
        JsonNode ogc = get("/api/ogc/api").json();
        assertThat(ogc.get("paths").has("/collections/{collectionId}/items")).isTrue();
        assertThat(ogc.get("servers").get(0).get("url").asString()).endsWith("/api/ogc");
    }
}
