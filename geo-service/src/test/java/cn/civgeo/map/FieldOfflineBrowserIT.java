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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A surveyor on a 1024×768 tablet with the demo city: sees the assigned line, downloads it, goes offline (DevTools
 * network emulation), records three observations (typed Gauss–Krüger, GPS emulated through DevTools, drag) and edits the dragged one again, reloads
 * the page offline and still sees them queued, goes online, syncs (the second edit is chained to the first, no conflict); the marker someone else recorded meanwhile is
 * shown as a conflict and its record is not overwritten. Screenshots under target/screenshots/offline-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FieldOfflineBrowserIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    private Browser b;
    private long line, round;
    private List<Map<String, Object>> markers;

    @BeforeAll
    void start() {
        DivisionFixtures.ensureDemoCity(ctx);
        // the demo city as a user meets it: its boundaries and its facilities (drawn as markers, clustered, on the same map)
        ctx.getBeansOfType(DemoDataContributor.class).values().stream().filter(c -> c.order() == 50 || c.order() == 60)
                .sorted(java.util.Comparator.comparingInt(DemoDataContributor::order)).forEach(DemoDataContributor::load);
        cn.civgeo.geocode.GeocodeTestIndex.ready(ctx.getBean(cn.civgeo.geocode.GeocodeIndex.class));
        token("surveyor-t");
        // a township line of the demo city with three markers or more that no open round covers, assigned to surveyor-t
        line = jdbc.sql("""
                select l.id from boundary_line l where l.code like '3502%' and l.level = 4 and l.status <> 'superseded'
                   and (select count(*) from boundary_marker k where k.line_id = l.id and k.status <> 'removed') >= 3
                   and not exists (select 1 from inspection_round_line rl join inspection_round r on r.id = rl.round_id
                                    where rl.line_id = l.id and r.status <> 'completed')
                 order by l.id limit 1""").query(Long.class).single();
        Response r = post("/api/boundary/rounds", "admin-t", Map.of("number", 70 + (int) (System.nanoTime() % 20), "level", 4,
                "name", unique("离线联检"), "yearFrom", 2026, "yearTo", 2026, "lineIds", List.of(line)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        round = r.json().get("id").asLong();
        Response a = put("/api/boundary/rounds/" + round + "/assignments", "admin-t", Map.of("version", r.json().get("version").asInt(),
                "assignments", List.of(Map.of("lineId", line, "team", "离线外业组", "members", List.of("surveyor-t")))));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        markers = jdbc.sql("""
                select id, number, st_x(geom) as lon, st_y(geom) as lat from boundary_marker where line_id = :l and status <> 'removed'
                 order by seq, type_code limit 3""").param("l", line).query().listOfRows();
        b = new Browser(1024, 768);
    }

    @AfterAll
    void stop() {
        try {
            if (b != null) offline(false);
        } finally {
            int v = get("/api/boundary/rounds/" + round).json().get("round").get("version").asInt();
            put("/api/boundary/rounds/" + round, "admin-t", Map.of("status", "completed", "version", v));
            if (b != null) b.close();
        }
    }

    private String url(String path) { return "http://localhost:" + port + path; }

    private long id(int i) { return ((Number) markers.get(i).get("id")).longValue(); }

    private void offline(boolean off) {
        b.driver.executeCdpCommand("Network.enable", Map.of());
        b.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", off, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private void openField() {
        b.el("#field-open").click();
        b.await(d -> !d.findElements(By.cssSelector("#my-lines li[data-line='" + line + "']")).isEmpty(), Duration.ofSeconds(30));
        b.await(d -> !d.findElements(By.id("outbox-summary")).isEmpty());
    }

    private void openMarker(int i) {
        b.js("window.civgeo.boundary.showMarker(arguments[0])", id(i));
        b.await(d -> !d.findElements(By.id("survey-form")).isEmpty(), Duration.ofSeconds(30));
        assertThat(b.el("#marker-number").getText()).isEqualTo(markers.get(i).get("number"));
    }

    /** True when the pin is the topmost element at its own centre (nothing drawn over it takes the press). */
    private static final String PIN_ON_TOP = "var e = document.querySelector('.survey-drag'); if (!e) return false;"
            + " var r = e.getBoundingClientRect(), h = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
            + " return h === e || e.contains(h);";

    private String pinMoves() { return b.el("#survey-form").getAttribute("data-pin-moves"); }

    /**
     * Drags the marker's pin, once the page says it can be taken: the map stands still with the pin drawn
     * ({@code #survey-form[data-pin=ready]}) and the pin is the topmost element under its centre (it has a pane of its
     * own above the facility markers and clusters, and does not slide). Then waits for the page's
     * own answer: the position counted as moved and "moved on the map" selected. No fixed sleeps, no retries.
     */
    private void dragPin() {
        // the cause of the suite's failure: the facility clusters' zoom animation (class leaflet-cluster-anim on the map
        // pane) gave every marker a 0.3 s transform transition, so the pin slid to its place after the zoom and was not
        // where the press landed. The pin does not take part in it any more:
        assertThat(b.js("var pane = document.querySelector('.leaflet-map-pane'), pin = document.querySelector('.survey-drag');"
                + " var had = pane.classList.contains('leaflet-cluster-anim'); pane.classList.add('leaflet-cluster-anim');"
                + " var d = getComputedStyle(pin).transitionDuration; if (!had) pane.classList.remove('leaflet-cluster-anim'); return d"))
                .isEqualTo("0s");
        b.await(d -> "ready".equals(b.el("#survey-form").getAttribute("data-pin")) && Boolean.TRUE.equals(b.js(PIN_ON_TOP)),
                Duration.ofSeconds(30));
        String before = pinMoves();
        new Actions(b.driver).clickAndHold(b.el(".survey-drag")).moveByOffset(10, 0).moveByOffset(15, 5).release().perform();
        b.await(d -> b.el("#survey-pos-drag").isSelected() && !java.util.Objects.equals(before, pinMoves()), Duration.ofSeconds(30));
        assertThat(b.el("#survey-form").getAttribute("data-pin")).isEqualTo("ready");
    }

    private double shownLat() { return Double.parseDouble(b.el("#survey-position").getText().split(",\\s*")[1]); }

    /** A 24 × 24 PNG (red), written once. */
    private static java.nio.file.Path photo() {
        try {
            java.nio.file.Path p = java.nio.file.Path.of("target", "offline-photo.png");
            if (!java.nio.file.Files.exists(p)) {
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(24, 24, java.awt.image.BufferedImage.TYPE_INT_RGB);
                for (int x = 0; x < 24; x++) for (int y = 0; y < 24; y++) img.setRGB(x, y, 0xc0392b);
                javax.imageio.ImageIO.write(img, "png", p.toFile());
            }
            return p.toAbsolutePath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void saveQueued() {
        b.el("#survey-save").click();
        b.await(d -> b.el("#survey-result").getAttribute("data-queued") != null || b.el("#survey-result").getText().startsWith("错误"),
                Duration.ofSeconds(30));
        assertThat(b.el("#survey-result").getText()).isEqualTo("离线：已存入待同步队列");
    }

    @Test
    @Order(1)
    void theSurveyorSeesTheAssignedLineAndDownloadsIt() {
        b.driver.get(url("/"));
        b.await(d -> "true".equals(b.js("return document.body.getAttribute('data-ready')")), Duration.ofSeconds(60));
        b.el("#signin").click();
        b.el("#login-user").sendKeys("surveyor-t");
        b.el("#login-pass").sendKeys(PASSWORD);
        b.el("#login-submit").click();
        b.await(d -> b.el("#who").getText().contains("surveyor-t"));
        b.await(d -> Boolean.TRUE.equals(b.js("return !!navigator.serviceWorker.controller")), Duration.ofSeconds(30));
        assertThat(b.js("return document.querySelector('link[rel=manifest]').href")).asString().endsWith("/manifest.webmanifest");
        openField();
        WebElement li = b.el("#my-lines li[data-line='" + line + "']");
        assertThat(li.getText()).contains("离线外业组");
        li.findElement(By.cssSelector(".pkg-download")).click();
        b.await(d -> !d.findElements(By.cssSelector("#my-lines li[data-line='" + line + "'] .pkg-done")).isEmpty(), Duration.ofSeconds(120));
        assertThat(b.el("#my-lines li[data-line='" + line + "'] .pkg-done").getText()).startsWith("已下载离线包");
        b.await(d -> !d.findElements(By.id("storage-used")).isEmpty());
        assertThat(b.el("#storage-used").getText()).startsWith("本机存储已用");
        b.screenshot("offline-01-downloaded");
    }

    @Test
    @Order(2)
    void offlineThreeObservationsAreQueued() {
        offline(true);
        b.await(d -> Boolean.FALSE.equals(b.js("return navigator.onLine")));
        // an API answer that no package holds is not fetched: the page is offline and so is its service worker (told by
        // the page: DevTools' emulation does not reach the worker), which answers from the caches only. The page shows
        // when the worker has taken note (data-worker-network); only then is a bare fetch (no network header) asked, once.
        b.await(d -> "offline".equals(b.js("return document.body.getAttribute('data-worker-network')")), Duration.ofSeconds(60));
        assertThat(String.valueOf(b.jsAsync("var done = arguments[arguments.length - 1]; fetch('/api/boundary/cycle?limit=1&probe=' + Date.now())"
                + ".then(function (r) { done(r.status); }, function (e) { done('network error'); })"))).matches("503|network error");

        // 1: typed Gauss–Krüger, 3 m north of the registered position, in the marker's zone
        JsonNode gk = get("/api/boundary/markers/" + id(0)).json().get("gk");
        openMarker(0);
        b.el("#survey-pos-gk").click();
        // x and y swapped first: explained before anything is sent
        b.el("#survey-x").sendKeys(String.format(java.util.Locale.ROOT, "%.3f", gk.get("y").asDouble()));
        b.el("#survey-y").sendKeys(String.format(java.util.Locale.ROOT, "%.3f", gk.get("x").asDouble()));
        b.el("#survey-zone").click();
        b.await(d -> b.el("#survey-gk-error").getText().contains("填反"));
        b.el("#survey-x").clear();
        b.el("#survey-x").sendKeys(String.format(java.util.Locale.ROOT, "%.3f", gk.get("x").asDouble() + 3));
        b.el("#survey-y").clear();
        b.el("#survey-y").sendKeys(String.format(java.util.Locale.ROOT, "%.3f", gk.get("y").asDouble()));
        b.el("#survey-zone").click();
        b.await(d -> b.el("#survey-gk-error").getText().isEmpty());
        new org.openqa.selenium.support.ui.Select(b.el("#survey-condition")).selectByValue("displaced");
        b.el("#survey-refs").click();
        b.screenshot("offline-02-typed-gk");
        saveQueued();

        // 2: the device's GPS, emulated through DevTools, 4 m accuracy
        double lon = ((Number) markers.get(1).get("lon")).doubleValue(), lat = ((Number) markers.get(1).get("lat")).doubleValue();
        b.driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""), "permissions", List.of("geolocation")));
        b.driver.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", lat + 0.00002, "longitude", lon, "accuracy", 4));
        openMarker(1);
        b.el("#survey-pos-gps").click();
        b.el("#survey-gps-go").click();
        b.await(d -> b.el("#survey-gps-accuracy").getText().startsWith("定位精度"), Duration.ofSeconds(30));
        assertThat(b.el("#survey-gps-accuracy").getText()).isEqualTo("定位精度 ±4 米");
        assertThat(b.el("#survey-accuracy").getAttribute("value")).as("the device's accuracy goes into the form").isEqualTo("4");
        b.el("#survey-repainted").click();
        // with a photo (the tablet's camera): kept in the outbox with the observation, shown there as a thumbnail
        assertThat(b.el("#survey-photo-button").getText()).isEqualTo("拍照或选择照片");
        assertThat(b.el("#survey-photo-name").getText()).isEqualTo("未选择文件");
        b.el("#survey-photo").sendKeys(photo().toString());
        assertThat(b.el("#survey-photo-name").getText()).isEqualTo(photo().getFileName().toString());
        b.screenshot("offline-03-gps");
        saveQueued();

        // 3: dragging the marker
        openMarker(2);
        b.js("window.civgeo.map.setView([arguments[1], arguments[0]], 16, {animate: false})",
                ((Number) markers.get(2).get("lon")).doubleValue(), ((Number) markers.get(2).get("lat")).doubleValue());
        dragPin();
        b.el("#survey-note").sendKeys("拖动定位");
        saveQueued();
        b.screenshot("offline-04-dragged");

        // 4: the same surveyor edits the dragged marker a second time, still offline: chained to the first edit. Without
        // dragging: the map's centre (still on the registered position) under the cross-hair, then two arrow-key steps
        // north on the focused pin (0.5 m each); the re-surveyed position is typed as 0.8 m accurate
        openMarker(2);
        b.el("#survey-pos-drag").click();
        b.await(d -> b.el("#survey-pin-centre").isDisplayed());
        assertThat((String) b.js("return document.body.className")).contains("pin-aim");
        String before = pinMoves();
        b.el("#survey-pin-centre").click();
        b.await(d -> !java.util.Objects.equals(before, pinMoves()));
        double centreLat = shownLat();
        // within half a pixel at zoom 16 (the cross-hair sits on the container's middle pixel: about 1.2 m, 1.1e-5°)
        assertThat(centreLat).isCloseTo(((Number) markers.get(2).get("lat")).doubleValue(), org.assertj.core.data.Offset.offset(1.2e-5));
        b.js("document.querySelector('.survey-drag').focus()");
        b.await(d -> Boolean.TRUE.equals(b.js("return document.activeElement === document.querySelector('.survey-drag')")));
        new Actions(b.driver).sendKeys(org.openqa.selenium.Keys.ARROW_UP).sendKeys(org.openqa.selenium.Keys.ARROW_UP).perform();
        b.await(d -> Math.abs(shownLat() - centreLat - 2 * 0.5 / 110574) < 1.5e-6);
        assertThat(b.el("#survey-pos-drag").isSelected()).isTrue();
        // a bad accuracy is refused before anything is queued, naming the field
        b.el("#survey-accuracy").sendKeys("-3");
        b.el("#survey-save").click();
        b.await(d -> !b.el("#survey-accuracy-error").getText().isEmpty());
        assertThat(b.el("#survey-result").getText()).isEqualTo("定位精度须为大于 0、不超过 1000 的米数");
        b.el("#survey-accuracy").clear();
        b.el("#survey-accuracy").sendKeys("0.8");
        b.el("#survey-note").clear();
        b.el("#survey-note").sendKeys("拖动定位，复核");
        b.screenshot("offline-04b-nudged");
        saveQueued();
    }

    @Test
    @Order(3)
    void reloadedOfflineTheObservationsAreStillQueued() {
        b.driver.navigate().refresh();
        try {
            b.await(d -> "true".equals(b.js("return document.body.getAttribute('data-ready')")), Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            b.screenshot("offline-05-reload-failed");
            throw e;
        }
        assertThat(b.el("#who").getText()).contains("surveyor-t");
        openField();
        b.await(d -> b.driver.findElements(By.cssSelector("#outbox li.queued")).size() == 4, Duration.ofSeconds(30));
        assertThat(b.el("#outbox-summary").getText()).startsWith("待同步 4 条，冲突 0 条");
        // the GPS observation's photo, read back from the outbox after the reload, as a thumbnail
        String thumb = "#outbox li[data-marker='" + id(1) + "'] img.thumb";
        b.await(d -> Boolean.TRUE.equals(b.js("var i = document.querySelector(arguments[0]); return !!i && i.complete && i.naturalWidth === 24", thumb)));
        b.await(d -> "另有 4 条待同步".equals(b.el("#my-lines li[data-line='" + line + "'] .progress-queued").getText()));
        assertThat(b.el("#my-lines li[data-line='" + line + "'] .progress-text").getText()).startsWith("已检 0 / ");
        assertThat(b.el("#net-state").getText()).startsWith("离线");
        assertThat(b.el("#outbox-sync").isEnabled()).isFalse();
        b.screenshot("offline-05-reloaded");
    }

    @Test
    @Order(4)
    void onlineTheSyncSendsTwoAndShowsTheConflict() {
        // meanwhile another surveyor recorded the first marker (through the API, not offline)
        Response other = post("/api/boundary/rounds/" + round + "/inspections", "admin-t", Map.of("lineId", line,
                "inspectedOn", "2026-06-02", "partyLeft", "甲", "partyRight", "乙",
                "markers", List.of(Map.of("markerId", id(0), "condition", "damaged", "note", "另一组记录"))));
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        long inspection = other.json().get("id").asLong();

        offline(false);
        b.await(d -> "online".equals(b.js("return document.body.getAttribute('data-worker-network')")), Duration.ofSeconds(60));
        // (the outbox box is drawn again when the network comes back: asked by script, not through a held element)
        b.await(d -> Boolean.TRUE.equals(b.js("var x = document.getElementById('outbox-sync'); return !!x && !x.disabled && navigator.onLine")),
                Duration.ofSeconds(30));
        b.js("document.getElementById('outbox-sync').click()");
        b.await(d -> b.js("var x = document.getElementById('sync-result'); return x && x.getAttribute('data-sent')") != null, Duration.ofSeconds(60));
        assertThat(b.js("return document.getElementById('sync-result').textContent")).as("the second edit of marker 3 is no conflict with the first")
                .isEqualTo("已同步 3 条，冲突 1 条，失败 0 条");
        b.await(d -> b.driver.findElements(By.cssSelector("#outbox li.conflict")).size() == 1);
        // the line's progress follows the sync: markers 2 and 3 by this surveyor, marker 1 by the other group
        long total = jdbc.sql("select count(*) from boundary_marker where line_id = :l and status <> 'removed'").param("l", line)
                .query(Long.class).single();
        String li = "#my-lines li[data-line='" + line + "']";
        b.await(d -> ("已检 3 / " + total + " 个界桩").equals(b.el(li + " .progress-text").getText()), Duration.ofSeconds(30));
        assertThat(b.el(li + " .progress").getAttribute("aria-valuenow")).isEqualTo("3");
        assertThat(b.el(li + " .progress-queued").getText()).as("the conflict is not waiting to be sent").isEmpty();
        assertThat(b.el(li + " tr[data-marker='" + id(2) + "'] td").getText()).isEqualTo("✓ 移位");
        WebElement conflict = b.el("#outbox li.conflict");
        assertThat(conflict.getAttribute("data-marker")).isEqualTo(String.valueOf(id(0)));
        assertThat(conflict.getText()).contains("损坏").contains("另一组记录");
        b.screenshot("offline-06-synced-conflict");

        JsonNode insp = get("/api/boundary/inspections/" + inspection).json();
        Map<Long, JsonNode> byMarker = new java.util.HashMap<>();
        insp.get("markers").forEach(m -> byMarker.put(m.get("markerId").asLong(), m));
        assertThat(byMarker.get(id(0)).get("condition").asString()).as("not overwritten").isEqualTo("damaged");
        assertThat(byMarker.get(id(1)).get("accuracyM").asDouble()).as("the emulated GPS accuracy, stored").isEqualTo(4.0);
        assertThat(byMarker.get(id(1)).path("note").isNull() || byMarker.get(id(1)).path("note").isMissingNode()).as("the accuracy is a field of its own, not a note").isTrue();
        assertThat(byMarker.get(id(1)).get("repainted").asBoolean()).isTrue();
        assertThat(byMarker.get(id(1)).get("displacementM").asDouble()).isBetween(1.0, 4.0);   // 0.00002° north ≈ 2.2 m
        // the surveyor's second edit is the record now, written over the first one (two audited writes)
        assertThat(byMarker.get(id(2)).get("note").asString()).isEqualTo("拖动定位，复核");
        // its position is the second edit's (the map's centre, 1 m north), not the drag's (some 25 pixels away)
        assertThat(byMarker.get(id(2)).get("displacementM").asDouble()).isBetween(0.5, 3.5);
        assertThat(byMarker.get(id(2)).get("accuracyM").asDouble()).isEqualTo(0.8);
        assertThat(auditRows("marker_record", byMarker.get(id(2)).get("id").asLong())).isGreaterThanOrEqualTo(2);
        // the queued photo went with its observation; the marker's panel shows it as a thumbnail
        JsonNode photos = get("/api/boundary/marker-records/" + byMarker.get(id(1)).get("id").asLong() + "/photos", "surveyor-t").json();
        assertThat(photos.findValuesAsString("filename")).contains("offline-photo.png");
        b.js("window.civgeo.boundary.showMarker(arguments[0])", id(1));
        b.await(d -> Boolean.TRUE.equals(b.js("var i = document.querySelector('#marker-photos img.thumb'); return !!i && i.complete && i.naturalWidth === 24")),
                Duration.ofSeconds(30));
        b.screenshot("offline-07-photo-thumbnail");
    }
}
