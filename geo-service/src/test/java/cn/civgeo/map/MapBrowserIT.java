package cn.civgeo.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.demo.DemoDataContributor;
import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The web map driven in headless Chromium on the demo city (Xiamen): each step asserts what the page shows and
 * saves a screenshot under target/screenshots/. Render and tile times are measured in the browser and printed
 * (never asserted: timing depends on the machine).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapBrowserIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    private Browser b;

    @BeforeAll
    void start() {
        DivisionFixtures.ensureDemoCity(ctx);
        cn.civgeo.placename.PlaceNameFixtures.ensureDemo(ctx);
        // The search box and map clicks go through the geocoder, which answers 503 until its index is built.
        cn.civgeo.geocode.GeocodeTestIndex.ready(ctx.getBean(cn.civgeo.geocode.GeocodeIndex.class));
        token("surveyor-t"); // the user exists before the page signs in
        b = new Browser(1366, 850);
    }

    @AfterAll
    void stop() {
        if (b != null) b.close();
    }

    private String url(String path) { return "http://localhost:" + port + path; }

    private String name(String code) {
        return jdbc.sql("select name from division where code = :c").param("c", code).query(String.class).single();
    }

    @SuppressWarnings("unchecked")
    private List<String> texts(String css) {
        return (List<String>) b.js("return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent.trim())", css);
    }

    private void awaitReady() {
        b.await(d -> "true".equals(b.js("return document.body.getAttribute('data-ready')")), Duration.ofSeconds(60));
    }

    private void awaitTilesLoaded() {
        b.await(d -> Boolean.TRUE.equals(b.js("var l = window.civgeo.layers.divisions; return !l.isLoading() && !window.civgeo.map._animatingZoom;")));
    }

    @Test
    @Order(1)
    void loadShowsTheDemoCityWithLabelsAndLegend() {
        b.driver.get(url("/"));
        awaitReady();
        double cold = ((Number) b.js("return window.civgeo.metrics.firstRenderMs")).doubleValue();
        // A second load with the browser cache off: the server is warm, the browser fetches everything again.
        b.driver.executeCdpCommand("Network.enable", Map.of());
        b.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        b.driver.navigate().refresh();
        awaitReady();
        double warm = ((Number) b.js("return window.civgeo.metrics.firstRenderMs")).doubleValue();
        b.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        System.out.printf("[map-bench] first full render of the demo city: cold server %.0f ms, warm server %.0f ms (target < 2000 ms)%n", cold, warm);

        List<String> labels = texts(".div-label");
        assertThat(labels).contains(name(DivisionFixtures.SIMING)); // districts at the opening zoom
        assertThat(labels.size()).isGreaterThanOrEqualTo(6);
        Number drawn = (Number) b.js("return Array.from(document.querySelectorAll('canvas.civgeo-mvt-tile'))"
                + ".reduce((n, c) => n + (+c.getAttribute('data-features') || 0), 0)");
        assertThat(drawn.intValue()).as("division polygons drawn from vector tiles").isPositive();
        assertThat(b.el("#legend h2").getText()).isEqualTo("图层");
        assertThat(b.el("label[for=division-level]").getText()).isEqualTo("显示级别");
        assertThat(b.el("#status").getText()).contains("县级");
        b.screenshot("01-load");
    }

    @Test
    @Order(2)
    void panningAtCityZoomLoadsTilesQuickly() {
        double[] p = DivisionFixtures.pointIn(jdbc, DivisionFixtures.SIMING);
        b.js("performance.clearResourceTimings(); window.civgeo.map.setView([arguments[1], arguments[0]], 12, {animate: false})", p[0], p[1]);
        awaitTilesLoaded();
        for (int[] d : new int[][] {{300, 0}, {0, 250}, {-300, 0}, {0, -250}, {400, 200}}) {
            b.js("window.civgeo.map.panBy([arguments[0], arguments[1]], {animate: false})", d[0], d[1]);
            awaitTilesLoaded();
        }
        // duration: the browser's whole fetch, queueing for a connection included; response: request sent to first byte.
        double[] total = timings("e.duration");
        double[] response = timings("e.responseStart - e.requestStart");
        assertThat(total).as("tiles fetched while panning").isNotEmpty();
        System.out.printf("[map-bench] tiles at zoom 12 while panning: %d tiles; fetch median %.0f ms, p95 %.0f ms, max %.0f ms;"
                + " server response median %.0f ms, max %.0f ms (target < 200 ms each)%n", total.length, pct(total, 50), pct(total, 95),
                pct(total, 100), pct(response, 50), pct(response, 100));
        assertThat(b.el("#status").getText()).contains("乡级"); // level followed the zoom
        List<String> townships = jdbc.sql("select name from division where parent_code = :c").param("c", DivisionFixtures.SIMING)
                .query(String.class).list();
        assertThat(texts(".div-label")).containsAnyElementsOf(townships);
        b.screenshot("02-city-zoom");
    }

    private double[] timings(String expr) {
        @SuppressWarnings("unchecked")
        List<Number> ms = (List<Number>) b.js("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.indexOf('/api/map/tiles/') >= 0).map(e => " + expr + ")");
        return ms.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    }

    private static double pct(double[] sorted, int p) {
        return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(sorted.length * p / 100.0) - 1))];
    }

    @Test
    @Order(3)
    void togglingLayersHidesAndShowsThem() {
        b.el("#layer-division-labels").click();
        b.await(d -> texts(".div-label").isEmpty());
        b.el("#layer-divisions").click();
        b.await(d -> d.findElements(By.cssSelector("canvas.civgeo-mvt-tile")).isEmpty());
        b.screenshot("03-layers-off");
        b.el("#layer-divisions").click();
        b.el("#layer-division-labels").click();
        b.await(d -> !texts(".div-label").isEmpty() && !d.findElements(By.cssSelector("canvas.civgeo-mvt-tile")).isEmpty());
        awaitTilesLoaded();
        assertThat(b.el("#layer-divisions").isSelected()).isTrue();
        b.screenshot("03-layers-on");
    }

    @Test
    @Order(4)
    void searchTypeAheadFliesToThePick() {
        String jimei = name("350211");
        WebElement box = b.el("#search");
        box.clear();
        box.sendKeys(jimei.substring(0, 2));
        b.await(d -> texts("#search-results li[role=option]").stream().anyMatch(t -> t.startsWith(jimei)));
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        b.screenshot("04-search-typeahead");
        int idx = texts("#search-results li[role=option]").indexOf(texts("#search-results li[role=option]").stream()
                .filter(t -> t.startsWith(jimei)).findFirst().orElseThrow());
        for (int i = 0; i < idx; i++) box.sendKeys(Keys.ARROW_DOWN);
        box.sendKeys(Keys.ENTER);
        b.await(d -> jimei.equals(b.js("return window.civgeo.map.getContainer().getAttribute('data-flown-to')")));
        // The map flies to the pick's label point: once the flight ends the centre lies inside the picked district.
        b.await(d -> {
            @SuppressWarnings("unchecked")
            List<Number> c = (List<Number>) b.js("var c = window.civgeo.map.getCenter(); return [c.lng, c.lat];");
            return jdbc.sql("select st_contains(geom, st_setsrid(st_makepoint(:x, :y), 4490)) from division where code = '350211'")
                    .param("x", c.get(0).doubleValue()).param("y", c.get(1).doubleValue()).query(Boolean.class).single();
        });
        b.await(d -> b.el("#division-name").getText().equals(jimei));
        awaitTilesLoaded();
        b.screenshot("04-search-flown");
    }

    @Test
    @Order(5)
    void clickingTheMapShowsTheDivisionChain() {
        double[] p = DivisionFixtures.pointIn(jdbc, DivisionFixtures.XIAGANG);
        b.js("window.civgeo.map.setView([arguments[1], arguments[0]], 13, {animate: false})", p[0], p[1]);
        awaitTilesLoaded();
        // Fire the map's own click at the point: a real click there may land on a boundary line, marker or place
        // name drawn above the map, which rightly opens that feature's panel instead of the location query.
        b.js("window.civgeo.map.fire('click', {latlng: L.latLng(arguments[1], arguments[0])})", p[0], p[1]);
        b.await(d -> !d.findElements(By.cssSelector("#reverse-chain li")).isEmpty());
        List<String> chain = texts("#reverse-chain li");
        assertThat(String.join("|", chain)).contains(name(DivisionFixtures.FUJIAN), name(DivisionFixtures.XIAMEN),
                name(DivisionFixtures.SIMING), name(DivisionFixtures.XIAGANG));
        assertThat(b.el("#panel-title").getText()).isEqualTo("位置查询");
        b.screenshot("05-reverse");
    }

    @Test
    @Order(6)
    void aDivisionsPanelShowsItsFactsAndIndicators() {
        b.el("#reverse-chain li[data-code='" + DivisionFixtures.SIMING + "'] button").click();
        b.await(d -> b.el("#division-name").getText().equals(name(DivisionFixtures.SIMING)));
        String facts = b.el("#panel-body table").getText();
        assertThat(facts).contains(DivisionFixtures.SIMING).contains("县级");
        // the demographics feature's latest figures when it has some (a later test writes a row if not), else the division's
        Response figures = get("/api/demographics/" + DivisionFixtures.SIMING);
        Long population = figures.status() == 200 && figures.json().path("row").has("population")
                ? Long.valueOf(figures.json().path("row").path("population").asLong())
                : jdbc.sql("select population::bigint from division where code = :c").param("c", DivisionFixtures.SIMING)
                        .query(Long.class).optional().orElse(null);
        if (population != null) {
            Long expected = population;
            b.await(d -> b.el("#panel-body table").getText().replace(",", "").contains(String.valueOf(expected)));
        }
        b.await(d -> !d.findElements(By.cssSelector("#indicator-table tr")).isEmpty(), Duration.ofSeconds(60));
        JsonNode ind = get("/api/indicators?division=" + DivisionFixtures.SIMING).json().get("indicators");
        List<String> rows = texts("#indicator-table tr");
        assertThat(rows).hasSize(ind.size());
        for (int i = 0; i < ind.size(); i++) {
            JsonNode x = ind.get(i);
            String verdict = x.get("pass") == null || x.get("pass").isNull() ? "无数据" : x.get("pass").asBoolean() ? "达标" : "未达标";
            assertThat(rows.get(i)).startsWith(x.get("label").asString()).endsWith(verdict);
        }
        b.screenshot("06-division-panel");
    }

    @Test
    @Order(7)
    void theEnglishSwitchTranslatesTheUi() {
        b.el("#lang").click();
        b.await(d -> b.el("#legend h2").getText().equals("Layers"));
        assertThat(b.el("#lang").getText()).isEqualTo("中文");
        assertThat(b.el("#search").getAttribute("placeholder")).startsWith("Search");
        assertThat(b.el("#signin").getText()).isEqualTo("Sign in");
        // 思明区's panel (test 6) re-renders: its kind and its figures' source come as data in Chinese and read in English
        b.await(d -> "District".equals(b.el("#division-facts tr[data-fact='kind'] td").getText()));
        JsonNode figures = get("/api/demographics/" + DivisionFixtures.SIMING).json().path("row");
        String source = figures.path("source").asString("");
        String sourceEn = source.equals("演示数据（生成器虚构）") ? "Demo data (made up by the generator)" : source;
        if (!source.isEmpty()) b.await(d -> b.el("#division-facts tr[data-fact='demographicsYear'] td").getText().endsWith(" · " + sourceEn));
        b.await(d -> b.el("#indicator-table tr[data-indicator='bedsPer1000Elderly'] th").getText().equals("Elderly-care beds per 1,000 elderly"));
        assertThat(b.el("#indicator-table tr[data-indicator='bedsPer1000Elderly'] td").getText()).contains("beds per 1,000");
        b.await(d -> b.el(".leaflet-control-attribution").getText().contains("Offline base (own division data)"));
        assertThat(b.el(".leaflet-control-attribution").getText()).doesNotContain("离线底图");
        b.screenshot("07-english");

        // Opened again in English, the page never shows the HTML's Chinese: its body is hidden until the English texts
        // are applied (the inline start script and i18n.js). Recorded at DOMContentLoaded, before the English chunk.
        Object id = b.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "document.addEventListener('DOMContentLoaded', function () { window.__firstPaint = { visibility: "
                        + "getComputedStyle(document.body).visibility, text: document.getElementById('coverage-open').textContent }; });"))
                .get("identifier");
        b.driver.navigate().refresh();
        awaitReady();
        b.await(d -> b.el("#legend h2").getText().equals("Layers"));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) b.js("return window.__firstPaint");
        assertThat(first).as("recorded at DOMContentLoaded").isNotNull();
        if ("覆盖分析".equals(first.get("text"))) assertThat(first.get("visibility")).as("Chinese text at first paint: %s", first).isEqualTo("hidden");
        else assertThat(first.get("text")).isEqualTo("Coverage analysis");
        assertThat(b.js("return document.documentElement.classList.contains('i18n-pending') + '|' + getComputedStyle(document.body).visibility + '|' + document.documentElement.lang"))
                .isEqualTo("false|visible|en");
        assertThat(b.el("#coverage-open").getText()).isEqualTo("Coverage analysis");
        b.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
        System.out.println("[map-bench] page opened in English, at DOMContentLoaded: " + first);
        b.el("#lang").click();
        b.await(d -> b.el("#legend h2").getText().equals("图层"));
        b.await(d -> b.el(".leaflet-control-attribution").getText().contains("离线底图（本系统行政区划数据）"));
        assertThat(b.el(".leaflet-control-attribution").getText()).doesNotContain("Offline base");
    }

    @Test
    @Order(8)
    void aSurveyorSignsIn() {
        b.el("#signin").click();
        b.el("#login-user").sendKeys("surveyor-t");
        b.el("#login-pass").sendKeys(PASSWORD);
        b.el("#login-submit").click();
        b.await(d -> b.el("#who").getText().contains("surveyor-t"));
        assertThat(b.el("#who").getText()).contains("SURVEYOR").contains("外业模式");
        assertThat(b.el("#signin").getText()).isEqualTo("退出");
        b.screenshot("08-surveyor-signed-in");
    }

    @Test
    @Order(9)
    void aSurveyorRecordsAMarkerObservationFromTheMap() throws Exception {
        ctx.getBeansOfType(DemoDataContributor.class).values().stream().filter(c -> c.order() == 50).forEach(DemoDataContributor::load);
        // a county-line marker of the demo city, and an open round (made by the surveyor) covering its line
        Map<String, Object> m = jdbc.sql("""
                select k.id, k.number, k.line_id, l.level, st_x(k.geom) lon, st_y(k.geom) lat from boundary_marker k
                join boundary_line l on l.id = k.line_id where l.code like '3502%' and k.status <> 'removed'
                order by l.level, k.id limit 1""").query().singleRow();
        long markerId = ((Number) m.get("id")).longValue();
        long lineId = ((Number) m.get("line_id")).longValue();
        Response round = post("/api/boundary/rounds", "surveyor-t", Map.of("number", 90 + (int) (System.nanoTime() % 9),
                "level", m.get("level"), "name", unique("地图巡检"), "yearFrom", 2026, "yearTo", 2026, "lineIds", List.of(lineId)));
        assertThat(round.status()).as(round.toString()).isEqualTo(201);

        double lon = ((Number) m.get("lon")).doubleValue(), lat = ((Number) m.get("lat")).doubleValue();
        b.js("window.civgeo.map.setView([arguments[1], arguments[0]], 16, {animate: false})", lon, lat);
        awaitTilesLoaded();
        b.js("window.civgeo.boundary.showMarker(arguments[0])", markerId);
        b.await(d -> !d.findElements(By.id("survey-form")).isEmpty());
        assertThat(b.el("#marker-number").getText()).isEqualTo(m.get("number"));
        // the page's Gauss–Krüger projection (proj4, loaded on first use) agrees with the server's for the registered position
        @SuppressWarnings("unchecked")
        Map<String, Number> gk = (Map<String, Number>) b.jsAsync(
                "var done = arguments[arguments.length - 1]; window.civgeo.gk.forward(arguments[0], arguments[1]).then(done, function (e) { done({ error: String(e) }); })", lon, lat);
        JsonNode server = get("/api/boundary/markers/" + markerId).json().get("gk");
        assertThat(gk.get("x").doubleValue()).isCloseTo(server.get("x").asDouble(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(gk.get("y").doubleValue()).isCloseTo(server.get("y").asDouble(), org.assertj.core.data.Offset.offset(0.01));

        WebElement pin = b.el(".survey-drag");
        new Actions(b.driver).clickAndHold(pin).moveByOffset(10, 0).moveByOffset(20, 5).release().perform();
        b.await(d -> !b.el("#survey-position").getText().startsWith(String.format("%.6f", lon)));
        new org.openqa.selenium.support.ui.Select(b.el("#survey-condition")).selectByValue("displaced");
        java.nio.file.Path photo = java.nio.file.Files.createTempFile("marker", ".png");
        java.nio.file.Files.write(photo, java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="));
        // the page's own button and file name (the browser's "Choose File / No file chosen" is not translated); the
        // native input is visually hidden but keeps its camera hint for tablets
        assertThat(b.el("#survey-photo-button").getText()).isEqualTo("拍照或选择照片");
        assertThat(b.el("#survey-photo-name").getText()).isEqualTo("未选择文件");
        assertThat(b.el("#survey-photo").getAttribute("capture")).isEqualTo("environment");
        assertThat(b.el("#survey-photo").isDisplayed()).isFalse();
        b.el("#survey-photo").sendKeys(photo.toAbsolutePath().toString());
        assertThat(b.el("#survey-photo-name").getText()).isEqualTo(photo.getFileName().toString());
        b.el("#survey-note").sendKeys("地图外业记录");
        b.screenshot("09-survey-form");
        b.el("#survey-save").click();
        b.await(d -> b.el("#survey-result").getText().startsWith("已保存"), Duration.ofSeconds(30));
        assertThat(b.el("#survey-result").getText()).contains("移位").contains(" m").contains("照片");
        long recordId = Long.parseLong(b.el("#survey-result").getAttribute("data-record"));
        Map<String, Object> rec = jdbc.sql("select condition, displacement_m, note from marker_record where id = :id")
                .param("id", recordId).query().singleRow();
        assertThat(rec.get("condition")).isEqualTo("displaced");
        assertThat(((Number) rec.get("displacement_m")).doubleValue()).isGreaterThan(1.0);
        assertThat(rec.get("note")).isEqualTo("地图外业记录");
        // (an earlier run may have recorded into the same open round's record: ours is among its photos)
        assertThat(get("/api/boundary/marker-records/" + recordId + "/photos", "surveyor-t").json().findValuesAsString("filename"))
                .contains(photo.getFileName().toString());
        assertThat(jdbc.sql("select last_condition from boundary_marker where id = :id").param("id", markerId).query(String.class).single())
                .isEqualTo("displaced");
        assertThat(auditRows("marker_record", recordId)).as("the observation is audited").isPositive();
        assertThat(auditRows("boundary_marker", markerId)).isPositive();
        b.screenshot("09-survey-saved");
    }

    @Test
    @Order(10)
    void theIndicatorChoroplethColoursDistrictsByPassOrFail() {
        b.js("window.civgeo.map.setView([24.6, 118.15], 10, {animate: false})");
        awaitTilesLoaded();
        b.el("#layer-choropleth").click();
        b.await(d -> b.js("return window.civgeo.map.getContainer().getAttribute('data-choropleth')") != null, Duration.ofSeconds(60));
        int shown = Integer.parseInt((String) b.js("return window.civgeo.map.getContainer().getAttribute('data-choropleth')"));
        JsonNode ind = get("/api/indicators?children=true&division=" + DivisionFixtures.XIAMEN).json();
        assertThat(shown).isEqualTo(ind.get("children").size());
        String first = ind.get("children").get(0).get("indicators").get(0).get("code").asString();
        assertThat(new org.openqa.selenium.support.ui.Select(b.el("#indicator-pick")).getFirstSelectedOption().getAttribute("value")).isEqualTo(first);
        assertThat(b.el("#choropleth-target").getText()).startsWith("目标");
        // graded classes by the share of the target (#14), not only pass/fail
        assertThat(b.el("#legend").getText()).contains("达到目标的 <50%").contains("达到目标的 100–125%");
        b.screenshot("10-choropleth");
        b.el("#layer-choropleth").click();
    }

    @Test
    @Order(11)
    void aFacilityShowsClusteredByKindAndOpensItsPanel() {
        double[] p = DivisionFixtures.pointIn(jdbc, DivisionFixtures.XIAGANG);
        String name = unique("地图测试养老院");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", "nursing_home", "name", name, "address", "厦门市思明区测试路1号",
                "lon", p[0], "lat", p[1], "beds", 120, "nursingBeds", 80, "operatorKind", "public"));
        Response created = post("/api/facilities", "planner-t", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        b.js("window.civgeo.map.setView([arguments[1], arguments[0]], 15, {animate: false})", p[0], p[1]);
        awaitTilesLoaded();
        if (!b.el("#layer-facilities").isSelected()) b.el("#layer-facilities").click(); // off at start (#14)
        b.await(d -> {
            Object n = b.js("return window.civgeo.map.getContainer().getAttribute('data-facilities')");
            return n != null && Integer.parseInt((String) n) >= 1;
        });
        assertThat(b.el("#legend").getText()).contains("设施").contains("养老机构");
        b.js("window.civgeo.coverage.showFacility(arguments[0])", id);
        b.await(d -> b.el("#facility-name").getText().equals(name));
        assertThat(b.el("#panel-body table").getText()).contains("养老机构").contains("120");
        b.screenshot("11-facility");
    }

    @Test
    @Order(12)
    void placeNamesShowAndTheNamingScanLinksToTheNames() {
        Map<String, Object> road = jdbc.sql("""
                select id, name, st_x(st_pointonsurface(geom)) as lon, st_y(st_pointonsurface(geom)) as lat from place_name
                 where status = 'approved' and geom is not null and division_code like '3502%' order by id limit 1""").query().singleRow();
        b.js("window.civgeo.map.setView([arguments[1], arguments[0]], 16, {animate: false})", road.get("lon"), road.get("lat"));
        awaitTilesLoaded();
        b.el("#layer-place-names").click();
        b.await(d -> {
            Object n = b.js("return window.civgeo.map.getContainer().getAttribute('data-place-names')");
            return n != null && Integer.parseInt((String) n) >= 1;
        }, Duration.ofSeconds(30));
        assertThat(texts(".pn-label")).as("place names labelled at zoom 16").contains((String) road.get("name"));
        b.screenshot("12-place-names");

        // The 大洋怪重 scan of the city at the map centre (the surveyor signed in above may run it): the same count as the API.
        JsonNode scan = post("/api/place-names/scan?division=3502", "surveyor-t", Map.of()).json();
        assertThat(scan.get("flaggedCount").asInt()).as("the demo data seeds non-standard names").isPositive();
        b.el("#scan-button").click();
        b.await(d -> !d.findElements(By.cssSelector("#scan-results .pn-link")).isEmpty(), Duration.ofSeconds(60));
        assertThat(b.el("#scan-summary").getText()).isEqualTo("检查地名 " + scan.get("scanned").asInt() + " 个，不规范 "
                + scan.get("flaggedCount").asInt() + " 个");
        assertThat(texts("#scan-results .pn-link")).contains(scan.get("flagged").get(0).get("name").asString());
        JsonNode finding = scan.get("flagged").get(0).get("findings").get(0);
        assertThat(b.el("#scan-results").getText()).contains(finding.get("label").asString())
                .contains(finding.get("check").asString().equals("duplicate") ? "重名" : "：") // reasons in Chinese
                .doesNotContain(finding.get("reason").asString());
        b.screenshot("12-naming-scan");
        WebElement link = b.el("#scan-results .pn-link");
        String name = link.getText();
        link.click();
        b.await(d -> !d.findElements(By.cssSelector("#placename-name")).isEmpty() && b.el("#placename-name").getText().equals(name));
        b.screenshot("12-scan-link-opens-the-name");
        b.el("#layer-place-names").click();
    }

    @Test
    @Order(13)
    void thePlanPanelShowsThePlanReportAndItsExports() throws Exception {
        tools.jackson.databind.node.ObjectNode tpl = (tools.jackson.databind.node.ObjectNode) json.readTree(
                java.nio.file.Files.readString(java.nio.file.Path.of("..", "data", "plans", "xiamen-14th.json")));
        tpl.put("code", unique("browser-xiamen-"));
        Response imported = post("/api/plans/import", "planner-t", json.writeValueAsBytes(tpl));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        long id = imported.json().get("id").asLong();
        b.el("#plan-open").click();
        b.await(d -> !d.findElements(By.cssSelector("#plan-pick")).isEmpty());
        b.js("var s = document.getElementById('plan-pick'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));", String.valueOf(id));
        b.await(d -> !d.findElements(By.cssSelector("#plan-table tbody tr")).isEmpty()
                && b.el("#plan-pick").getAttribute("value").equals(String.valueOf(id)), Duration.ofSeconds(60));
        JsonNode report = get("/api/plans/" + id + "/report").json();
        List<String> rows = texts("#plan-table tbody tr");
        assertThat(rows).hasSize(report.get("indicators").size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode x = report.get("indicators").get(i);
            String progress = x.get("onTrack") == null || x.get("onTrack").isNull() ? "无数据" : x.get("onTrack").asBoolean() ? "符合进度" : "滞后";
            assertThat(rows.get(i)).startsWith(x.get("nameZh").asString()).endsWith(progress);
            if (x.get("latest") != null && !x.get("latest").isNull()) {
                double v = x.get("latest").asDouble();
                String shown = Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v)) : String.format(java.util.Locale.ROOT, "%.1f", v);
                assertThat(rows.get(i)).contains(shown);
            }
        }
        assertThat(b.el("#plan-summary").getText()).contains(name(DivisionFixtures.XIAMEN));
        assertThat(b.el("#plan-xlsx").getAttribute("href")).endsWith("/api/plans/" + id + "/report.xlsx?view=current");
        assertThat(b.el("#plan-pdf").getAttribute("href")).contains("/api/plans/" + id + "/report.pdf");
        b.screenshot("13-plan-panel");
        b.js("var s = document.getElementById('plan-view'); s.value = 'final'; s.dispatchEvent(new Event('change'));");
        b.await(d -> !d.findElements(By.cssSelector("#plan-table tbody tr")).isEmpty()
                && b.el("#plan-view").getAttribute("value").equals("final") && b.el("#plan-summary").getText().contains("2025"));
        assertThat(b.el("#plan-table").getText()).containsAnyOf("达标", "未达标");
        b.screenshot("13-plan-final");

        // the division panel shows the chosen plan's targets for the district
        b.js("window.civgeo.panels.showDivision(arguments[0])", DivisionFixtures.SIMING);
        b.await(d -> !d.findElements(By.cssSelector("#division-plan-table tbody tr")).isEmpty(), Duration.ofSeconds(60));
        JsonNode district = get("/api/plans/" + id + "/report?view=final&division=" + DivisionFixtures.SIMING).json();
        assertThat(texts("#division-plan-table tbody tr")).hasSize(district.get("indicators").size());
        // each row: the indicator's kind (约束性/预期性), its target for the district and its verdict (final view: met)
        List<String> drows = texts("#division-plan-table tbody tr");
        for (int i = 0; i < drows.size(); i++) {
            JsonNode x = district.get("indicators").get(i);
            String kind = x.path("kind").asString("");
            if (kind.equals("binding")) assertThat(drows.get(i)).contains("约束性");
            if (kind.equals("expected")) assertThat(drows.get(i)).contains("预期性");
            String met = x.get("met") == null || x.get("met").isNull() ? "无数据" : x.get("met").asBoolean() ? "达标" : "未达标";
            assertThat(drows.get(i)).endsWith(met);
            if (x.get("target") != null && !x.get("target").isNull()) {
                double v = x.get("target").asDouble();
                assertThat(drows.get(i)).contains(Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v))
                        : String.format(java.util.Locale.ROOT, "%.1f", v));
            }
        }
        assertThat(drows).anyMatch(r -> r.contains("约束性") || r.contains("预期性"));
        // the division's facts come from the demographics feature (latest year up to now), not the division table
        if (get("/api/demographics/" + DivisionFixtures.SIMING).status() == 404) {
            Response w = put("/api/demographics/" + DivisionFixtures.SIMING + "/2024", "planner-t",
                    Map.of("population", 123457, "households", 40001, "age60", 23459, "source", "browser test"));
            assertThat(w.status()).as(w.toString()).isEqualTo(200);
        }
        b.js("window.civgeo.panels.showDivision(arguments[0])", DivisionFixtures.SIMING);
        JsonNode demo = get("/api/demographics/" + DivisionFixtures.SIMING).json().get("row");
        b.await(d -> b.js("var t = document.getElementById('division-facts'); return t && t.getAttribute('data-demographics-year')") != null);
        // the panel renders its parts as their answers arrive: read each once it holds what it should (no stale reads)
        b.await(d -> demo.get("year").asString().equals(b.el("#division-facts").getAttribute("data-demographics-year")));
        b.await(d -> b.el("#division-facts tr[data-fact=population] td").getText().replace(",", "")
                .equals(demo.get("population").asString()));
        b.await(d -> b.el("#division-facts tr[data-fact=elderly] td").getText().replace(",", "").equals(demo.get("age60").asString()));
        b.await(d -> b.el("#division-facts").getText().contains("人口数据年份"));
        b.await(d -> b.el("#division-plan-title").getText().contains(tpl.get("name").asString()));
        b.screenshot("13-division-plan-targets");
        // in English the plan's name, the indicators' names and their units read in English (the template's nameEn;
        // 张 → beds), the same figures
        b.el("#lang").click();
        b.await(d -> b.el("#legend h2").getText().equals("Layers"));
        b.await(d -> b.el("#division-plan-title").getText().contains(tpl.get("nameEn").asString()), Duration.ofSeconds(30));
        b.await(d -> texts("#division-plan-table tbody tr").size() == district.get("indicators").size(), Duration.ofSeconds(30));
        List<String> erows = texts("#division-plan-table tbody tr");
        for (int i = 0; i < erows.size(); i++) {
            assertThat(erows.get(i)).startsWith(district.get("indicators").get(i).get("nameEn").asString());
        }
        String beds = b.el("#division-plan-table tr[data-indicator='bedsPer1000Elderly']").getText();
        assertThat(beds).contains(" beds").doesNotContain("张");
        b.screenshot("13-division-plan-english");
        b.el("#lang").click();
        b.await(d -> b.el("#legend h2").getText().equals("图层"));
        b.await(d -> b.el("#division-plan-title").getText().contains(tpl.get("name").asString()));

        // the plan choropleth colours the districts by the plan's targets
        b.js("window.civgeo.map.setView([24.62, 118.15], 10)");
        // the legend re-renders when layers finish loading: click the checkbox as it is now
        b.await(d -> {
            try {
                b.el("#layer-plan-choropleth").click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
        b.await(d -> b.js("return document.getElementById('map').getAttribute('data-plan-choropleth')") != null, Duration.ofSeconds(60));
        assertThat(b.js("return document.getElementById('map').getAttribute('data-plan-choropleth')")).isEqualTo("6");
        b.screenshot("13-plan-choropleth");
        b.el("#layer-plan-choropleth").click();
    }

    @Test
    @Order(20)
    void onATabletThePanelStandsBesideTheMapAndControlsStayUsable() {
        b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1024, 768));
        b.js("window.civgeo.panels.showDivision(arguments[0])", DivisionFixtures.SIMING);
        b.await(d -> b.el("#division-name").getText().equals(name(DivisionFixtures.SIMING)));
        // the panel stands beside the map, never over it (#14): map and panel share the width; touch targets >= 28 px
        assertThat(b.js("return getComputedStyle(document.getElementById('panel')).position")).isEqualTo("static");
        assertThat(b.el("#map").getSize().getWidth() + b.el("#panel").getSize().getWidth()).isBetween(1020, 1024);
        assertThat(b.el("#map").getSize().getWidth()).isGreaterThanOrEqualTo(640);
        // narrower than 1025 px the legend collapses to its heading; one tap opens it
        b.await(d -> "true".equals(b.el("#legend").getAttribute("data-collapsed")));
        b.el("#legend-toggle").click();
        b.await(d -> b.el("#layer-divisions").isDisplayed());
        assertThat(b.el("#layer-divisions").findElement(By.xpath("..")).getSize().getHeight()).isGreaterThanOrEqualTo(28);
        assertThat(b.el("#search").getAttribute("aria-label")).isEqualTo("地名地址搜索");
        assertThat(b.el("#legend").getAttribute("aria-label")).isEqualTo("图层与图例");
        b.screenshot("20-tablet");
        b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 850));
    }

    @SuppressWarnings("unchecked")
    private List<String> layersOnTheMap() {
        return (List<String>) b.js("var c = window.civgeo; return c.layers.entries.filter(e => c.map.hasLayer(e.layer)).map(e => e.id)");
    }

    private long shown(String css) {
        return ((Number) b.js("return document.querySelectorAll(arguments[0]).length", css)).longValue();
    }

    private static final String FACILITY_GROUP = "var g = window.civgeo.layers.entries.find(e => e.id === 'facilities').layer;"
            + " var mine = g.getLayers().filter(m => m.feature && arguments[0].indexOf(m.feature.properties.name) >= 0);";

    /** How many of the named facilities' markers are in the cluster group. */
    private long inGroup(List<String> names) {
        return ((Number) b.js(FACILITY_GROUP + " return mine.length;", names)).longValue();
    }

    /** How many of the named facilities show as their own marker (not inside a cluster bubble). */
    private long shownSingly(List<String> names) {
        return ((Number) b.js(FACILITY_GROUP + " return mine.filter(m => window.civgeo.map.hasLayer(m)).length;", names)).longValue();
    }

    @Test
    @Order(21)
    void onA1024pxScreenTheMapStartsReadableLegendCollapsedFacilitiesClustered() {
        // four facilities about 100 m apart: one numbered bubble at city zoom, four markers at street zoom
        double[] p = DivisionFixtures.pointIn(jdbc, DivisionFixtures.XIAGANG);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            names.add(unique("聚合测试站" + i));
            Response r = post("/api/facilities", "planner-t", Map.of("kind", "community_station", "name", names.get(i),
                    "operatorKind", "public", "lon", p[0] + 0.0008 * (i % 2), "lat", p[1] + 0.0008 * (i / 2)));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1024, 768));
        b.driver.navigate().refresh();
        awaitReady();
        // the legend starts collapsed: only its heading and the toggle show, the layer boxes do not
        assertThat(b.el("#legend").getAttribute("data-collapsed")).isEqualTo("true");
        assertThat(b.el("#legend-toggle").getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(b.el("#legend-toggle").getAttribute("aria-label")).isEqualTo("展开图例");
        assertThat(b.el("#layer-divisions").isDisplayed()).isFalse();
        assertThat(b.el("#legend").getSize().getHeight()).as("collapsed legend height").isLessThan(60);
        // a planner's start: divisions and their labels, nothing else drawn
        assertThat(layersOnTheMap()).containsExactlyInAnyOrder("divisions", "division-labels");
        b.screenshot("21-tablet-start-legend-collapsed");
        // one tap opens it; the boxes say what is on
        b.el("#legend-toggle").click();
        b.await(d -> b.el("#layer-divisions").isDisplayed());
        assertThat(b.el("#legend-toggle").getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(b.el("#layer-divisions").isSelected()).isTrue();
        assertThat(b.el("#layer-division-labels").isSelected()).isTrue();
        for (String off : List.of("boundary-lines", "boundary-markers", "disputes", "facilities", "service-areas", "uncovered", "choropleth"))
            assertThat(b.el("#layer-" + off).isSelected()).as(off).isFalse();
        b.screenshot("21-tablet-legend-open");
        // facilities on at city zoom: the four are one cluster bubble counting them, no single marker of them
        b.el("#layer-facilities").click();
        b.js("window.civgeo.map.setView([arguments[1], arguments[0]], 11, {animate: false})", p[0], p[1]);
        b.await(d -> shown(".marker-cluster") > 0, Duration.ofSeconds(30));
        @SuppressWarnings("unchecked")
        List<Number> counts = (List<Number>) b.js("return Array.from(document.querySelectorAll('.marker-cluster span')).map(s => +s.textContent)");
        assertThat(counts).as("cluster bubbles' counts").anySatisfy(n -> assertThat(n.intValue()).isGreaterThanOrEqualTo(4));
        b.await(d -> shownSingly(names) == 0 && inGroup(names) == 4, Duration.ofSeconds(30)); // all four inside a bubble
        b.screenshot("21-tablet-facilities-clustered");
        // at street zoom the clusters open into their markers (drawn on the map's canvas: asked of the cluster group)
        b.js("window.civgeo.map.setView([arguments[1], arguments[0]], 16, {animate: false})", p[0] + 0.0004, p[1] + 0.0004);
        b.await(d -> shown(".marker-cluster") == 0 && shownSingly(names) == 4, Duration.ofSeconds(30));
        b.screenshot("21-tablet-facilities-street");
        b.el("#layer-facilities").click();
        b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 850));
        b.await(d -> "false".equals(b.el("#legend").getAttribute("data-collapsed")));
    }
}
