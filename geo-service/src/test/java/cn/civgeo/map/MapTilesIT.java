package cn.civgeo.map;

import static cn.civgeo.support.Tiles.tileOf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionChangedEvent;
import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.division.DivisionFixtures.TestCounty;
import cn.civgeo.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The map's own division shapes (V60) follow every write to division; cached tiles are dropped when divisions
 * change (at once after a change event, through NOTIFY for any other write); the start-up warm-up fills the cache;
 * the page comes with one style sheet, one script and the configuration inside.
 */
class MapTilesIT extends IntegrationTest {
    @Autowired
    TileService tiles;
    @Autowired
    MapWarmup warmup;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationContext ctx;

    private long count(String sql, String code) {
        return jdbc.sql(sql).param("c", code).query(Long.class).single();
    }

    @Test
    void shapesAndLabelPointsFollowTheDivisionTable() {
        TestCounty t = DivisionFixtures.freshTestCounty(jdbc);
        assertThat(count("select count(*) from division_tile_shape where code = :c", t.county())).isEqualTo(5); // one per band
        assertThat(count("select count(*) from division_tile_shape where code = :c and st_srid(geom) = 3857 and level = 3", t.county()))
                .isEqualTo(5);
        assertThat(count("""
                select count(*) from division_tile_label l join division d on d.code = l.code
                 where l.code = :c and st_within(l.geom, d.geom)""", t.v3())).isEqualTo(1);
        // Web Mercator x of the county's west edge, within a metre
        double x = jdbc.sql("select st_xmin(geom) from division_tile_shape where code = :c and band = 4").param("c", t.county())
                .query(Double.class).single();
        assertThat(x).isCloseTo(MapWarmup.mercX(t.x0()), org.assertj.core.data.Offset.offset(1.0));

        // new geometry: shapes and label move with it
        jdbc.sql("update division set geom = st_multi(st_geomfromtext(:w, 4490)) where code = :c")
                .param("w", t.box(t.x0() + 0.02, t.y0(), t.x0() + 0.03, t.y0() + 0.01)).param("c", t.v3()).update();
        assertThat(count("""
                select count(*) from division_tile_label l join division d on d.code = l.code
                 where l.code = :c and st_within(l.geom, d.geom)""", t.v3())).isEqualTo(1);
        double xmax = jdbc.sql("select st_xmax(geom) from division_tile_shape where code = :c and band = 4").param("c", t.v3())
                .query(Double.class).single();
        assertThat(xmax).isCloseTo(MapWarmup.mercX(t.x0() + 0.03), org.assertj.core.data.Offset.offset(1.0));

        // abolished: not on the map any more
        jdbc.sql("update division set status = 'abolished', valid_to = current_date where code = :c").param("c", t.v3()).update();
        assertThat(count("select count(*) from division_tile_shape where code = :c", t.v3())).isZero();
        assertThat(count("select count(*) from division_tile_label where code = :c", t.v3())).isZero();
    }

    @Test
    void aCachedTileShowsADivisionChangeWithoutWaitingForItsAge() {
        TestCounty t = DivisionFixtures.freshTestCounty(jdbc);
        int z = 12;
        int[] xy = tileOf(t.x0() + 0.01, t.y0() + 0.01, z);
        String path = "/api/map/tiles/divisions/" + z + "/" + xy[0] + "/" + xy[1] + ".mvt?level=3";
        String name = jdbc.sql("select name from division where code = :c").param("c", t.county()).query(String.class).single();
        assertThat(tileText(path)).contains(name);
        assertThat(tiles.cached("divisions", z, xy[0], xy[1], 3)).isTrue();

        // any write (here plain SQL, no change event): the trigger's NOTIFY drops the cache at commit
        String renamed = name + "改";
        jdbc.sql("update division set name = :n where code = :c").param("n", renamed).param("c", t.county()).update();
        await(() -> tileText(path).contains(renamed));

        // an approved change (DivisionChangedEvent): dropped at once when its transaction commits
        assertThat(tiles.cached("divisions", z, xy[0], xy[1], 3)).isTrue();
        tx.executeWithoutResult(s -> events.publishEvent(new DivisionChangedEvent("rename", List.of(t.county()), LocalDate.now())));
        assertThat(tiles.cached("divisions", z, xy[0], xy[1], 3)).isFalse();
    }

    @Test
    void theWarmUpBuildsTheOpeningViewsTilesInTheBackground() {
        DivisionFixtures.ensureDemoCity(ctx);
        List<int[]> plan = warmup.plan();
        assertThat(plan).isNotEmpty();
        // from the opening zoom to city zoom, each map zoom z as tiles of zoom z - 2 (the map's 1024-pixel tiles)
        assertThat(plan.stream().mapToInt(p -> p[0]).min().orElseThrow()).isEqualTo(8);
        assertThat(plan.stream().mapToInt(p -> p[0]).max().orElseThrow()).isEqualTo(11);
        int[] centre = tileOf(118.19, 24.64, 10); // the opening view's centre at city zoom 12
        assertThat(plan).anySatisfy(p -> assertThat(p).containsExactly(10, centre[0], centre[1], 4));
        warmup.schedule();
        await(() -> plan.stream().allMatch(p -> tiles.cached("divisions", p[0], p[1], p[2], p[3])));
    }

    @Test
    void thePageComesWithOneStyleSheetOneModuleScriptItsChunksAndItsConfiguration() throws IOException {
        Response page = get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Cache-Control")).contains("no-cache");
        String html = page.body();
        assertThat(html).contains("window.CIVGEO_MAP_CONFIG = {\"rasterUrl\"").doesNotContain("<!-- bundle:");
        assertThat(Pattern.compile("<script [^>]*src=").matcher(html).results().count()).isEqualTo(1);
        assertThat(Pattern.compile("<script type=\"module\" src=").matcher(html).results().count()).isEqualTo(1);
        assertThat(Pattern.compile("rel=\"stylesheet\"").matcher(html).results().count()).isEqualTo(1);

        Matcher js = Pattern.compile("src=\"(/map-assets/app-[0-9a-f]+\\.js)\" data-chunks=\"([^\"]+)\"").matcher(html);
        assertThat(js.find()).isTrue();
        var r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + js.group(1))).header("Accept-Encoding", "gzip"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(r.header("Cache-Control")).contains("immutable").contains("max-age=31536000");
        String script = gunzip(r.raw().body());
        // One esbuild entry (web-map/build.mjs) with its chunks: the ones it imports are preloaded with it, the panels
        // opened on demand (planner workbench, adjustments, field work, the marker-cluster plug-in …) load on first use (#12)
        assertThat(Pattern.compile("(?m)^/\\* (\\S+\\.js) \\*/$").matcher(script).results().map(m -> m.group(1)).toList())
                .containsExactly("/dist/app.js");
        assertThat(script).contains("CIVGEO_MAP_CONFIG").doesNotContain("+proj=tmerc").doesNotContain("MarkerClusterGroup");
        List<String> startup = Pattern.compile("<link rel=\"modulepreload\" href=\"(/map-assets/[^\"]+\\.js)\">").matcher(html).results()
                .map(m -> m.group(1)).toList();
        List<String> chunks = List.of(js.group(2).split(" "));
        assertThat(startup).isNotEmpty();
        assertThat(chunks).containsAll(startup).hasSizeGreaterThan(startup.size() + 5);
        long startPage = r.raw().body().length;
        StringBuilder all = new StringBuilder(script);
        for (String c : chunks) {
            assertThat(c).matches("/map-assets/[A-Za-z0-9._-]+-[A-Z0-9]{8}\\.js");
            var cr = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + c)).header("Accept-Encoding", "gzip"));
            assertThat(cr.status()).as(c).isEqualTo(200);
            assertThat(cr.header("Content-Encoding")).as(c).isEqualTo("gzip");
            assertThat(cr.header("Content-Type")).as(c).startsWith("text/javascript");
            assertThat(cr.header("Cache-Control")).as(c).contains("immutable").contains("max-age=31536000");
            String text = gunzip(cr.raw().body());
            all.append(text);
            if (startup.contains(c)) startPage += cr.raw().body().length;
        }
        // what the entry loads on demand (import("./x-<hash>.js")) is served, and not with the start page
        List<String> onDemand = Pattern.compile("import\\(\"\\./([^\"]+\\.js)\"\\)").matcher(script).results()
                .map(m -> "/map-assets/" + m.group(1)).toList();
        assertThat(onDemand).hasSizeGreaterThan(5).allSatisfy(c -> assertThat(chunks).contains(c)).noneMatch(startup::contains);
        String[] startupText = startup.stream().map(c -> gunzip(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + c))
                .header("Accept-Encoding", "gzip")).raw().body())).toArray(String[]::new);
        assertThat(String.join("\n", startupText)).contains("Leaflet 1.9.4").doesNotContain("MarkerClusterGroup");
        assertThat(all.toString()).contains("MarkerClusterGroup").doesNotContain("+proj=tmerc");
        Response gk = get("/dist/gk.js");
        assertThat(gk.status()).isEqualTo(200);
        assertThat(gk.body()).contains("+proj=tmerc").contains("CivGeoGkProj4");
        var again = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + js.group(1)))
                .header("Accept-Encoding", "gzip").header("If-None-Match", r.header("ETag")));
        assertThat(again.status()).isEqualTo(304);

        Matcher css = Pattern.compile("href=\"(/map-assets/app-[0-9a-f]+\\.css)\"").matcher(html);
        assertThat(css.find()).isTrue();
        Response sheet = get(css.group(1));
        assertThat(sheet.contentType()).startsWith("text/css");
        assertThat(sheet.body()).contains("url(\"/dist/images/layers.png\")").contains(".div-label");
        startPage += send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + css.group(1))).header("Accept-Encoding", "gzip"))
                .raw().body().length;
        // the start page as served (entry, the chunks it imports, the style sheet; gzip at level 9, as the build measures
        // it): under the 70 kB of web-map/build.mjs (#12: 102 kB gzipped before the split, 74,503 bytes served before the
        // panels' Chinese texts became a chunk of their own)
        System.out.println("[map-bench] start page as served: " + startPage + " bytes gzipped (budget " + 70 * 1024 + ")");
        assertThat(startPage).as("start page as served, gzipped").isLessThan(70 * 1024);
        assertThat(get("/dist/images/layers.png").status()).isEqualTo(200);
        assertThat(get("/dist/images/marker-shadow.png").status()).isEqualTo(200); // named in Leaflet's script, not its CSS
        assertThat(get("/map-assets/app-000000000000.js").status()).isEqualTo(404);
        assertThat(get("/map-assets/chunk-00000000.js").status()).isEqualTo(404);
        assertThat(get("/api/map/config").json().get("zoom").asInt()).isEqualTo(10); // still there for other clients
    }

    @Test
    void theServiceWorkerCarriesTheBuildOfThePage() {
        Response sw = get("/sw.js");
        assertThat(sw.status()).isEqualTo(200);
        assertThat(sw.contentType()).startsWith("text/javascript");
        assertThat(sw.header("Cache-Control")).contains("no-cache");
        String version = MapAssets.version(ctx.getBean(MapAssets.class).html());
        // the version in front of the worker's script, which names its page cache after it and drops older ones
        assertThat(sw.body()).startsWith("self.CIVGEO_BUILD=\"" + version + "\";\n").contains("civgeo-shell-").contains("clients.claim");
        assertThat(get("/sw.js").body()).isEqualTo(sw.body()); // the same build, the same bytes: no reinstall
    }

    private static String gunzip(byte[] body) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String tileText(String path) {
        Response r = get(path);
        assertThat(r.status()).isEqualTo(200);
        return new String(r.raw().body(), StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier ok) {
        long until = System.currentTimeMillis() + 30_000;
        while (!ok.getAsBoolean()) {
            if (System.currentTimeMillis() > until) throw new AssertionError("not within 30 s");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

}
