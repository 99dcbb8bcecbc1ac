package cn.civgeo.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.demo.DemoDataContributor;
import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The planner's question of issue #14 answered through the page alone, in headless Chromium on the demo city:
 * "which communities in 思明区 lack a day-care centre within 15 minutes, and where should two new ones go?".
 * Each step asserts what the page shows against the API and saves a screenshot under target/screenshots/planner-*.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlannerBrowserIT extends IntegrationTest {
    static final String DAY_CARE = "community_station";

    @Autowired
    ApplicationContext ctx;

    private Browser b;

    @BeforeAll
    void start() {
        DivisionFixtures.ensureDemoCity(ctx);
        cn.civgeo.placename.PlaceNameFixtures.ensureDemo(ctx);
        cn.civgeo.geocode.GeocodeTestIndex.ready(ctx.getBean(cn.civgeo.geocode.GeocodeIndex.class));
        // demographics, doorplates, the road network and the facilities of the demo city (each skips what exists)
        ctx.getBeansOfType(DemoDataContributor.class).values().stream().filter(c -> Set.of(25, 40, 55, 60).contains(c.order()))
                .sorted(Comparator.comparingInt(DemoDataContributor::order)).forEach(DemoDataContributor::load);
        ensureDayCareCentres();
        token("planner-t");
        b = new Browser(1366, 850);
    }

    /** Another test may have put a facility in the demo city first (the demo facilities then skip): a few day-care centres. */
    private void ensureDayCareCentres() {
        long n = jdbc.sql("select count(*) from facility where kind = :k and division_code like :d || '%' and status = 'operating'")
                .param("k", DAY_CARE).param("d", DivisionFixtures.SIMING).query(Long.class).single();
        if (n >= 3) return;
        List<double[]> at = jdbc.sql("""
                        select ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) from division
                         where code like :d || '%' and level = 5 and geom is not null order by code limit 40""")
                .param("d", DivisionFixtures.SIMING).query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).list();
        for (int i = 0; i < at.size(); i += 10) {
            Response r = post("/api/facilities", "planner-t", Map.of("kind", DAY_CARE, "name", "测试日间照料中心" + i, "operatorKind", "public",
                    "lon", at.get(i)[0], "lat", at.get(i)[1], "beds", 10));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
    }

    @AfterAll
    void stop() {
        if (b != null) b.close();
    }

    private String url(String path) { return "http://localhost:" + port + path; }

    private String attr(String name) { return (String) b.js("return document.getElementById('map').getAttribute(arguments[0])", name); }

    @SuppressWarnings("unchecked")
    private List<String> texts(String css) {
        return (List<String>) b.js("return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent.trim())", css);
    }

    @Test
    @Order(1)
    void aPlannerSignsIn() {
        b.driver.get(url("/"));
        b.await(d -> "true".equals(b.js("return document.body.getAttribute('data-ready')")), Duration.ofSeconds(90));
        b.el("#signin").click();
        b.el("#login-user").sendKeys("planner-t");
        b.el("#login-pass").sendKeys(PASSWORD);
        b.el("#login-submit").click();
        b.await(d -> b.el("#who").getText().contains("planner-t"));
        assertThat(b.el("#coverage-open").getText()).isEqualTo("覆盖分析");
    }

    @Test
    @Order(2)
    void theCoverageTableListsSimingsCommunitiesAndTheUncoveredOnesForDayCare() {
        b.el("#coverage-open").click();
        b.await(d -> !b.driver.findElements(By.cssSelector("#cov-division option")).isEmpty(), Duration.ofSeconds(30));
        new Select(b.el("#cov-division")).selectByValue(DivisionFixtures.SIMING);
        for (WebElement box : b.driver.findElements(By.cssSelector("input[name=cov-kind]"))) {
            boolean want = DAY_CARE.equals(box.getAttribute("value"));
            if (box.isSelected() != want) box.click();
        }
        // every kind is labelled in Chinese, not by its code
        assertThat(texts("#cov-kinds label")).allMatch(s -> !s.contains("_")).anyMatch(s -> s.contains("日间照料中心"));
        b.el("#cov-run").click();
        b.await(d -> !b.driver.findElements(By.cssSelector("#cov-table tbody tr")).isEmpty(), Duration.ofSeconds(120));

        JsonNode api = get("/api/coverage/table?division=" + DivisionFixtures.SIMING + "&kind=" + DAY_CARE).json();
        List<String> uncovered = new ArrayList<>();
        api.get("rows").forEach(r -> { if (!r.get("covered").asBoolean()) uncovered.add(r.get("name").asString()); });
        assertThat(b.driver.findElements(By.cssSelector("#cov-table tbody tr"))).hasSize(api.get("rows").size());
        assertThat(texts("#cov-table tbody tr.uncovered td:first-child")).containsExactlyInAnyOrderElementsOf(uncovered);
        assertThat(uncovered).as("思明区 has communities without a day-care centre within 15 minutes").isNotEmpty();
        assertThat(b.el("#cov-summary").getText()).contains("%").contains(api.get("name").asString());
        // the nearest facility by walking, with its name and metres
        assertThat(texts("#cov-table tbody tr td:last-child")).anyMatch(s -> s.matches(".+\\s[\\d,]+ 米.*"));
        System.out.printf("[planner] 思明区, day care within 15 min: %d of %d communities uncovered: %s%n", uncovered.size(),
                api.get("rows").size(), uncovered.subList(0, Math.min(8, uncovered.size())));
        b.screenshot("planner-01-coverage-table");
    }

    @Test
    @Order(3)
    void theTableSortsAndARowZoomsToItsCommunity() {
        b.el("#cov-only-uncovered").click();
        b.el("#cov-table th[data-sort=elderly] button").click(); // elderly, descending first
        b.await(d -> "descending".equals(b.el("#cov-table th[data-sort=elderly]").getAttribute("aria-sort")));
        List<Long> elderly = texts("#cov-table tbody tr td:nth-child(4)").stream().map(s -> Long.parseLong(s.replace(",", ""))).toList();
        assertThat(elderly).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(b.driver.findElements(By.cssSelector("#cov-table tbody tr.covered"))).isEmpty();
        WebElement first = b.el("#cov-table tbody tr");
        String code = first.getAttribute("data-code");
        first.click();
        b.await(d -> code.equals(attr("data-zoomed-to")));
        assertThat(((Number) b.js("return window.civgeo.map.getZoom()")).intValue()).isGreaterThanOrEqualTo(13);
        b.screenshot("planner-02-zoomed-to-community");
    }

    @Test
    @Order(4)
    void theUncoveredLayerShowsExactlyTheUncoveredCommunitiesGraded() {
        b.js("window.civgeo.map.setView([24.47, 118.12], 12, {animate: false})");
        int rows = get("/api/coverage/table?division=" + DivisionFixtures.SIMING + "&kind=" + DAY_CARE).json().get("total")
                .get("units").asInt() - get("/api/coverage/table?division=" + DivisionFixtures.SIMING + "&kind=" + DAY_CARE).json()
                .get("total").get("coveredUnits").asInt();
        b.await(d -> attr("data-uncovered") != null && attr("data-uncovered-loading") == null, Duration.ofSeconds(60));
        assertThat(b.el("#layer-uncovered").isSelected()).isTrue();
        JsonNode fc = get("/api/coverage/uncovered?division=" + DivisionFixtures.SIMING + "&kind=" + DAY_CARE).json();
        assertThat(Integer.parseInt(attr("data-uncovered"))).isEqualTo(fc.get("features").size()).isLessThanOrEqualTo(rows);
        assertThat(b.el("#uncovered-legend").getText()).contains("未覆盖老人").contains("社区居家养老服务站");
        b.screenshot("planner-03-uncovered-layer");
    }

    @Test
    @Order(5)
    void twoSuggestedSitesShowTheirCommunityAddressAndGains() {
        WebElement k = b.el("#site-k");
        k.clear();
        k.sendKeys("2");
        b.el("#site-run").click();
        b.await(d -> b.driver.findElements(By.cssSelector("#site-picks tbody tr")).size() == 2
                || !b.driver.findElements(By.cssSelector("#site-result .error")).isEmpty(), Duration.ofSeconds(180));
        assertThat(b.driver.findElements(By.cssSelector("#site-result .error"))).isEmpty();
        List<String> units = texts("#site-picks .pick-unit");
        assertThat(units).hasSize(2).allMatch(s -> !s.isBlank() && !s.equals("—"));
        assertThat(texts("#site-picks .pick-address")).allMatch(s -> !s.isBlank());
        List<Long> gains = texts("#site-picks .pick-gain").stream().map(s -> Long.parseLong(s.replace(",", ""))).toList();
        assertThat(gains.get(0)).isPositive().isGreaterThanOrEqualTo(gains.get(1));
        assertThat(b.el("#site-summary").getText()).contains("→");
        assertThat(attr("data-site-picks")).isEqualTo("2");
        System.out.printf("[planner] 2 day-care sites for 思明区: %s, gains %s elderly; %s (in %s ms)%n", units, gains,
                b.el("#site-summary").getText(), b.el("#site-result").getAttribute("data-ms"));
        b.screenshot("planner-04-site-suggestion");
    }

    @Test
    @Order(6)
    void draggingAPickRecomputesItsGain() {
        String before = String.valueOf(b.js("return window.civgeo.sites.state.result.picks[1].gainElderly"));
        Object lon = b.js("return window.civgeo.sites.state.result.picks[1].lon");
        Object lat = b.js("return window.civgeo.sites.state.result.picks[1].lat");
        // move the second pick onto the first: it now gains (almost) nothing beyond it
        b.js("var r = window.civgeo.sites.state.result; r.picks[1].lon = r.picks[0].lon; r.picks[1].lat = r.picks[0].lat;"
                + " window.civgeo.sites.reevaluate();");
        b.await(d -> attr("data-site-evaluated") != null, Duration.ofSeconds(60));
        Number after = (Number) b.js("return window.civgeo.sites.state.result.picks[1].gainElderly");
        assertThat(after.doubleValue()).isLessThan(Double.parseDouble(before));
        assertThat(texts("#site-picks .pick-gain").get(1)).isEqualTo("0");
        b.screenshot("planner-05-dragged-pick");
        // and back where the suggestion put it, so the scenario saved next holds two distinct sites
        b.js("var r = window.civgeo.sites.state.result; r.picks[1].lon = arguments[0]; r.picks[1].lat = arguments[1];"
                + " window.civgeo.sites.reevaluate();", lon, lat);
        b.await(d -> {
            Object g = b.js("return window.civgeo.sites.state.result.picks[1].gainElderly");
            return g instanceof Number n && n.doubleValue() > after.doubleValue();
        }, Duration.ofSeconds(60));
    }

    @Test
    @Order(7)
    void theSitesAreSavedAsAScenarioAndComparedWithToday() {
        b.await(d -> !b.driver.findElements(By.cssSelector("#scenario-save")).isEmpty());
        WebElement name = b.el("#scenario-name");
        name.clear();
        name.sendKeys("思明区新增两处日间照料中心");
        b.el("#scenario-save").click();
        b.await(d -> !b.driver.findElements(By.cssSelector("#scenario-compare")).isEmpty()
                || !b.driver.findElements(By.cssSelector("#scenario-result .error")).isEmpty(), Duration.ofSeconds(120));
        assertThat(b.driver.findElements(By.cssSelector("#scenario-result .error"))).isEmpty();
        assertThat(b.el("#scenario-saved").getText()).contains("思明区新增两处日间照料中心");
        List<String> share = texts("#scenario-compare tr[data-figure=scenarioElderlyShare] td");
        assertThat(share).hasSize(2).allMatch(s -> s.endsWith("%"));
        double today = Double.parseDouble(share.get(0).replace(" %", "")), with = Double.parseDouble(share.get(1).replace(" %", ""));
        assertThat(with).as("the scenario covers more elderly than today").isGreaterThanOrEqualTo(today);
        List<String> facilities = texts("#scenario-compare tr[data-figure=scenarioFacilities] td");
        assertThat(Long.parseLong(facilities.get(1).replace(",", ""))).isGreaterThan(Long.parseLong(facilities.get(0).replace(",", "")));
        System.out.printf("[planner] scenario vs today: elderly covered %s -> %s; %s%n", share.get(0), share.get(1), b.el("#scenario-gained").getText());
        b.screenshot("planner-06-scenario-vs-today");
    }

    @Test
    @Order(8)
    void theScenarioIsPromotedToPlannedFacilities() {
        b.el("#scenario-promote").click();
        b.await(d -> attr("data-scenario-promoted") != null, Duration.ofSeconds(60));
        long planned = jdbc.sql("select count(*) from facility where status = 'planned' and name like '拟建设施%'").query(Long.class).single();
        assertThat(planned).isGreaterThanOrEqualTo(Long.parseLong(attr("data-scenario-promoted")));
        assertThat(b.el("#scenario-saved").getText()).contains("已转为");
        b.screenshot("planner-07-promoted");
    }

    @Test
    @Order(9)
    void theThematicMapPrintsWithTitleLegendScaleNorthArrowDateAndSource() {
        new Select(b.el("#print-paper")).selectByValue("A3");
        b.el("#print-preview").click();
        b.await(d -> "A3".equals(attr("data-print")));
        assertThat(b.el("#print-title").getText()).contains("思明区").contains("15 分钟");
        assertThat(b.el("#print-north").isDisplayed()).isTrue();
        assertThat(b.el(".leaflet-control-scale").isDisplayed()).isTrue();
        assertThat(b.el("#legend").getText()).contains("未覆盖区域");
        // the printed legend lists the layers on the map only (each with its symbols), no pickers
        Number shown = (Number) b.js("var L = window.civgeo.layers; return L.entries.filter(function (e) { return L.isAvailable(e) && L.map.hasLayer(e.layer); }).length");
        assertThat(b.driver.findElements(By.cssSelector("#legend > label"))).hasSize(shown.intValue());
        assertThat(b.driver.findElements(By.cssSelector("#legend select"))).isEmpty();
        assertThat(b.el("#legend").getText()).doesNotContain("界桩").doesNotContain("争议区").doesNotContain("地名");
        assertThat(b.el("#print-footer").getText()).contains("制图日期").contains("数据来源");
        assertThat(b.js("return document.getElementById('print-page-style').textContent")).asString().contains("A3 landscape");
        b.screenshot("planner-08-print-preview");
        // the same layout as a PNG for a report: drawn in the browser at 3× for A3, title, map and legend in it
        b.el("#print-png").click();
        b.await(d -> "done".equals(attr("data-png")) || "failed".equals(attr("data-png")), Duration.ofSeconds(90));
        assertThat(attr("data-png")).as(b.el("#print-status").getText()).isEqualTo("done");
        String url = (String) b.js("return window.civgeo.print.state.png");
        assertThat(url).startsWith("data:image/png;base64,");
        byte[] bytes = java.util.Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
        try {
            java.nio.file.Files.write(Browser.SCREENSHOTS.resolve("planner-09-print-download.png"), bytes);
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            long mapWidth = ((Number) b.js("return document.getElementById('map').clientWidth")).longValue();
            assertThat((long) img.getWidth()).as("A3 picture: 3 × the map's width").isBetween(3 * mapWidth - 3, 3 * mapWidth + 3);
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 7) for (int x = 0; x < img.getWidth(); x += 7) colours.add(img.getRGB(x, y));
            assertThat(colours.size()).as("colours in the picture (divisions, uncovered areas, legend)").isGreaterThan(50);
            boolean dark = false; // the title's letters at the top centre
            for (int y = 0; y < 40 * 3 && !dark; y++) for (int x = img.getWidth() / 2 - 150; x < img.getWidth() / 2 + 150; x++) {
                int c = img.getRGB(x, y), r = (c >> 16) & 255, g = (c >> 8) & 255, bl = c & 255;
                if (r + g + bl < 200) { dark = true; break; } // the text colour #1f2933 is 123; the title box is white
            }
            assertThat(dark).as("the title drawn at the top").isTrue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        b.el("#print-leave").click();
        b.await(d -> attr("data-print") == null);
    }

    @Test
    @Order(10)
    void aFileOfParcelsGivesCandidatesAndThePicksAreNamedByParcel() throws java.io.IOException {
        // three parcels: 160 m squares round the point on surface of three uncovered communities of 思明区
        JsonNode fc = get("/api/coverage/uncovered?division=" + DivisionFixtures.SIMING + "&kind=" + DAY_CARE).json();
        List<String> codes = new ArrayList<>();
        fc.get("features").forEach(f -> { if (codes.size() < 3) codes.add(f.get("properties").get("code").asString()); });
        assertThat(codes).hasSizeGreaterThanOrEqualTo(2);
        String[] names = {"A-12", "A-13", "B-3"};
        List<String> features = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String g = jdbc.sql("select ST_AsGeoJSON(ST_Envelope(ST_Buffer(ST_PointOnSurface(geom), 0.0008)), 7) from division where code = :c and geom is not null and status = 'active' limit 1")
                    .param("c", codes.get(i)).query(String.class).single();
            features.add("{\"type\":\"Feature\",\"properties\":{\"地块编号\":\"" + names[i] + "\"},\"geometry\":" + g + "}");
        }
        // a fourth parcel in a community of another district: rejected (the analysis is 思明区), named with the reason
        String outside = jdbc.sql("select ST_AsGeoJSON(ST_Envelope(ST_Buffer(ST_PointOnSurface(geom), 0.0008)), 7) from division where code like '3502%' "
                + "and code not like :d || '%' and length(code) = 12 and geom is not null and status = 'active' order by code limit 1")
                .param("d", DivisionFixtures.SIMING).query(String.class).single();
        features.add("{\"type\":\"Feature\",\"properties\":{\"地块编号\":\"X-9\"},\"geometry\":" + outside + "}");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("parcels-", ".geojson");
        java.nio.file.Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
        try {
            new Select(b.el("#site-source")).selectByValue("parcels");
            b.await(d -> b.el("#site-parcels-row").isDisplayed());
            // the page's own button and file name (the browser's "Choose File / No file chosen" is not translated)
            assertThat(b.el("#site-parcel-file-button").getText()).isEqualTo("选择文件");
            assertThat(b.el("#site-parcel-file-name").getText()).isEqualTo("未选择文件");
            assertThat(b.el("#site-parcel-file").isDisplayed()).as("the native input is visually hidden").isFalse();
            b.el("#site-parcel-file").sendKeys(file.toAbsolutePath().toString());
            String n = String.valueOf(codes.size());
            b.await(d -> n.equals(b.el("#site-parcel-status").getAttribute("data-parcels"))
                    || b.el("#site-parcel-status").getAttribute("class").contains("error"), Duration.ofSeconds(60));
            assertThat(b.el("#site-parcel-file-name").getText()).isEqualTo(file.getFileName().toString());
            assertThat(b.el("#site-parcel-status").getText()).contains(n + " 个地块").contains("地块编号").doesNotContain("X-9");
            assertThat(b.el("#site-parcel-rejected").getAttribute("data-rejected")).isEqualTo("1");
            assertThat(b.el("#site-parcel-rejected").getText()).contains("1 个地块不在所选区划内")
                    .contains("第 " + (codes.size() + 1) + " 个 X-9：位于所选区划 思明区（" + DivisionFixtures.SIMING + "）之外");
            b.screenshot("planner-10-parcels-read");
            WebElement k = b.el("#site-k");
            k.clear();
            k.sendKeys("2");
            b.el("#site-run").click();
            b.await(d -> !b.driver.findElements(By.cssSelector("#site-picks .pick-parcel")).isEmpty()
                    || !b.driver.findElements(By.cssSelector("#site-result .error")).isEmpty(), Duration.ofSeconds(180));
            assertThat(b.driver.findElements(By.cssSelector("#site-result .error"))).isEmpty();
            List<String> parcels = texts("#site-picks .pick-parcel");
            assertThat(parcels).isNotEmpty().allMatch(p -> p.matches("地块 (A-12|A-13|B-3)"));
            assertThat(parcels).doesNotHaveDuplicates();
            System.out.printf("[planner] 2 sites among 3 uploaded parcels: %s, units %s%n", parcels, texts("#site-picks .pick-unit"));
            b.screenshot("planner-10-parcel-picks");
            // in English: the button, the chosen file's name (kept across the panel's redraw) and the rejected parcel
            b.el("#lang").click();
            b.await(d -> b.el("#site-parcel-file-button").getText().equals("Choose a file"), Duration.ofSeconds(20));
            assertThat(b.el("#site-parcel-file-name").getText()).isEqualTo(file.getFileName().toString());
            b.await(d -> !d.findElements(By.cssSelector("#site-parcel-rejected li")).isEmpty()
                    && b.el("#site-parcel-rejected").getText().contains("lies outside"), Duration.ofSeconds(30));
            assertThat(b.el("#site-parcel-rejected").getText()).contains("Outside the chosen division, not taken as candidates (1):")
                    .contains("no. " + (codes.size() + 1) + " X-9: lies outside the division " + DivisionFixtures.SIMING + " (思明区)");
            b.screenshot("planner-10-parcels-english");
            b.el("#lang").click();
            b.await(d -> b.el("#site-parcel-file-button").getText().equals("选择文件"), Duration.ofSeconds(20));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
