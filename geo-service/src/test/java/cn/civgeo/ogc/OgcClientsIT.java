package cn.civgeo.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Real GIS clients against the running test service: GDAL's OGR OAPIF driver (ogrinfo, ogr2ogr) and OWSLib
 * (Debian python3-owslib). Every collection goes to a GeoPackage and comes back with the service's count,
 * geometry type and CRS (CRS84, which GDAL 3.6 writes as EPSG:4326).
 */
class OgcClientsIT extends IntegrationTest {
    static final Map<String, String> OGR_TYPES = Map.of("MultiPolygon", "MULTIPOLYGON", "MultiLineString",
            "MULTILINESTRING", "Point", "POINT", "MultiPoint", "MULTIPOINT");
    static final String PYTHON = Files.isExecutable(Paths.get("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    @Autowired
    ApplicationContext ctx;
    @TempDir
    Path dir;

    @BeforeEach
    void data() { OgcFixtures.ensureDemo(ctx); }

    record Run(int exit, String out, String err) {}

    static Run run(List<String> cmd) {
        try {
            Path out = Files.createTempFile("ogc-out", ".txt"), err = Files.createTempFile("ogc-err", ".txt");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String base() { return "http://localhost:" + port + "/api/ogc"; }

    private String script(String name) throws IOException {
        Path p = dir.resolve(name);
        try (var in = getClass().getResourceAsStream("/ogc/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p.toString();
    }

    private JsonNode gpkg(Path file) throws IOException {
        Run r = run(List.of(PYTHON, script("gpkg_summary.py"), file.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        return json.readTree(r.out());
    }

    /** id → [numberMatched, geometryType] as the service reports them. */
    private Map<String, Object[]> served() {
        Map<String, Object[]> out = new LinkedHashMap<>();
        for (JsonNode c : get("/api/ogc/collections").json().get("collections")) {
            String id = c.get("id").asString();
            long n = get("/api/ogc/collections/" + id + "/items?limit=1").json().get("numberMatched").asLong();
            out.put(id, new Object[] {n, c.get("geometryType").asString()});
        }
        return out;
    }

    @Test
    void ogrinfoListsEveryCollectionWithItsGeometryType() {
        Run r = run(List.of("ogrinfo", "-ro", "-q", "OAPIF:" + base()));
        assertThat(r.exit()).as(r.err()).isZero();
        served().forEach((id, v) -> {
            if ((long) v[0] == 0) {
                assertThat(r.out()).contains(id + " (");
                return; // GDAL 3.6 takes the geometry type from the first page: none for an empty layer
            }
            String ogr = switch ((String) v[1]) {
                case "MultiPolygon" -> "(Multi Polygon)";
                case "MultiLineString" -> "(Multi Line String)";
                case "MultiPoint" -> "(Multi Point)";
                default -> "(Point)";
            };
            assertThat(r.out()).as(id).containsPattern("\\d+: " + id + " \\(title: [^\\n]*\\) " + java.util.regex.Pattern.quote(ogr));
        });
    }

    @Test
    void everyCollectionRoundTripsToGeoPackageWithALargePageSize() throws IOException {
        Path file = dir.resolve("all.gpkg");
        Run r = run(List.of("ogr2ogr", "-f", "GPKG", file.toString(), "OAPIF:" + base(), "-oo", "PAGE_SIZE=5000"));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode tables = gpkg(file);
        Map<String, Object[]> served = served();
        assertThat(served).hasSizeGreaterThanOrEqualTo(20);
        List<String> checked = new ArrayList<>();
        served.forEach((id, v) -> {
            JsonNode t = tables.get(id);
            assertThat(t).as(id).isNotNull();
            assertThat(t.get("count").asLong()).as(id + " count").isEqualTo((long) v[0]);
            if ((long) v[0] > 0) {
                assertThat(t.get("geometryType").asString()).as(id + " geometry").isEqualTo(OGR_TYPES.get((String) v[1]));
                assertThat(t.get("srs").asString()).as(id + " CRS").isEqualTo("EPSG:4326");
                checked.add(id);
            }
        });
        assertThat(checked).contains("divisions-county", "boundary-lines", "boundary-markers", "addresses",
                "place-names-points", "facilities-nursing-home", "service-areas", "coverage-gaps");
    }

    @Test
    void defaultPageSizeSpatialAndAttributeFiltersMatchTheService() throws IOException {
        Path all = dir.resolve("county.gpkg");
        Run r = run(List.of("ogr2ogr", "-f", "GPKG", all.toString(), "OAPIF:" + base(), "divisions-township"));
        assertThat(r.exit()).as(r.err()).isZero();
        long townships = get("/api/ogc/collections/divisions-township/items?limit=1").json().get("numberMatched").asLong();
        assertThat(gpkg(all).get("divisions-township").get("count").asLong()).isEqualTo(townships).isGreaterThan(10);

        double[] p = DivisionFixtures.pointIn(jdbc, DivisionFixtures.SIMING);
        String[] box = {String.valueOf(p[0] - 0.02), String.valueOf(p[1] - 0.02), String.valueOf(p[0] + 0.02), String.valueOf(p[1] + 0.02)};
        Path spat = dir.resolve("spat.gpkg");
        r = run(List.of("ogr2ogr", "-f", "GPKG", spat.toString(), "OAPIF:" + base(), "divisions-village",
                "-spat", box[0], box[1], box[2], box[3]));
        assertThat(r.exit()).as(r.err()).isZero();
        long inBox = get("/api/ogc/collections/divisions-village/items?limit=1&bbox=" + String.join(",", box)).json()
                .get("numberMatched").asLong();
        assertThat(gpkg(spat).get("divisions-village").get("count").asLong()).isEqualTo(inBox).isPositive();

        Path where = dir.resolve("where.gpkg");
        r = run(List.of("ogr2ogr", "--config", "CPL_DEBUG", "ON", "-f", "GPKG", where.toString(), "OAPIF:" + base(),
                "divisions-county", "-where", "name = '思明区' AND level = 3"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).as("the -where is sent to the server as a CQL filter").contains("CQL text detected")
                .containsPattern("items\\?[^\\n]*filter=\\(name%20%3D%20'%E6%80%9D%E6%98%8E%E5%8C%BA'\\)%20AND%20\\(level%20%3D%203\\)");
        assertThat(r.err()).doesNotContain("Full filter will be evaluated on client side");
        assertThat(gpkg(where).get("divisions-county").get("count").asLong()).isEqualTo(1);
    }

    @Test
    void owslibReadsConformanceCollectionsItemsAndQueryables() throws IOException {
        Run r = run(List.of(PYTHON, script("owslib_check.py"), base(), "code = '" + DivisionFixtures.SIMING + "'"));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode o = json.readTree(r.out());
        assertThat(o.get("conformance").toString()).contains("ogcapi-features-1/1.0/conf/core", "cql2-text");
        List<String> cols = new ArrayList<>();
        o.get("collections").forEach(c -> cols.add(c.asString()));
        assertThat(cols).containsAll(served().keySet());
        assertThat(o.get("itemsReturned").asInt()).isEqualTo(3);
        assertThat(o.get("itemsMatched").asLong()).isEqualTo(
                jdbc.sql("select count(*) from division_public where level = 3").query(Long.class).single());
        assertThat(o.get("firstGeometry").asString()).isEqualTo("MultiPolygon");
        List<String> q = new ArrayList<>();
        o.get("queryables").forEach(c -> q.add(c.asString()));
        assertThat(q).contains("code", "name", "level", "validFrom", "geometry");
        assertThat(o.get("filteredIds").get(0).asString()).isEqualTo(DivisionFixtures.SIMING);
        assertThat(o.get("filteredIds").size()).isEqualTo(1);
    }
}
