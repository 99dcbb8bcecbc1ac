package cn.civgeo.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.adjustment.AdjustmentFixtures;
import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The proposals panel on a 1024×768 tablet, without API calls: a planner drafts a county → city convert (a name
 * without 市 is refused in the panel), then splits 甲镇 into a part composed of a village picked on the map and a part
 * drawn on the map whose corners are dragged, inserted and deleted, each part with its own seat (驻地) picked on the map
 * (the report's farthest-community distance of each part equal to PostGIS's), reads the impact report of each, and edits the
 * saved draft's polygon (saved as version 2; a stale save answers 409 in the panel). Screenshots under
 * target/screenshots/adjust-draft-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdjustmentDraftBrowserIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    private Browser b;

    @BeforeAll
    void start() {
        DivisionFixtures.ensureDemoCity(ctx);
        token("planner-t");
        b = new Browser(1024, 768);
    }

    @AfterAll
    void stop() {
        if (b != null) b.close();
    }

    private void clickMap(int dx, int dy) {
        new Actions(b.driver).moveToElement(b.el("#map"), dx, dy).click().perform();
    }

    /** The drafting polygons on the map: the drawn outlines and the corner editor's polygon (dashed 4 3). */
    private int draftPolygons() {
        return ((Number) b.js("var n = 0; window.civgeo.map.eachLayer(function (l) { if (l.getLatLngs && l.options.dashArray === '4 3') n++; }); return n")).intValue();
    }

    /** The proposed seats' markers on the map. */
    private int seatMarkers() {
        return ((Number) b.js("var n = 0; window.civgeo.map.eachLayer(function (l) { if (l.getRadius && l.options.color === '#c0392b') n++; }); return n")).intValue();
    }

    /** Metres from a seat [lon, lat] to the farthest of these communities (the point on each surface), by PostGIS. */
    private double farthestM(List<Double> seat, List<String> communities) {
        return jdbc.sql("""
                select max(st_distance(st_pointonsurface(geom)::geography, st_setsrid(st_makepoint(:x, :y), 4490)::geography))
                  from division_public where code in (:c)""")
                .param("x", seat.get(0)).param("y", seat.get(1)).param("c", communities).query(Double.class).single();
    }

    private int count(String id) {
        String s = b.el("#" + id).getText().replaceAll("[^0-9]", "");
        return s.isEmpty() ? -1 : Integer.parseInt(s);
    }

    @Test
    void aPlannerDraftsAConvertAndASplitEditsCornersAndReadsTheImpact() {
        AdjustmentFixtures.County c = AdjustmentFixtures.freshCounty(jdbc);
        jdbc.sql("update division set valid_from = date '2000-01-01' where code = :c").param("c", c.county()).update();
        String city = null;
        for (int k = 81; k <= 99 && city == null; k++) {
            String code = c.county().substring(0, 4) + k;
            if (jdbc.sql("select count(*) from division where code = :c").param("c", code).query(Long.class).single() == 0) city = code;
        }
        b.driver.get("http://localhost:" + port + "/");
        b.await(d -> "true".equals(b.js("return document.body.getAttribute('data-ready')")), Duration.ofSeconds(90));
        b.el("#signin").click();
        b.el("#login-user").sendKeys("planner-t");
        b.el("#login-pass").sendKeys(PASSWORD);
        b.el("#login-submit").click();
        b.await(d -> b.el("#who").getText().contains("planner-t"));
        b.el("#adjust-open").click();
        b.await(d -> !b.driver.findElements(By.id("adj-form")).isEmpty());

        // convert: a name that does not end in 市 is refused in the panel, nothing posted
        new Select(b.el("#adj-kind")).selectByValue("convert");
        b.await(d -> !b.driver.findElements(By.id("adj-convert-code")).isEmpty());
        b.el("#adj-title").sendKeys("撤县设市草案");
        b.el("#adj-convert-code").sendKeys(c.county());
        new Select(b.el("#adj-convert-kind")).selectByValue("city");
        b.el("#adj-convert-newcode").sendKeys(city);
        b.el("#adj-convert-name").sendKeys("测试改设");
        b.el("#adj-submit").click();
        b.await(d -> !b.driver.findElements(By.cssSelector("#adj-form-result #adj-error")).isEmpty());
        assertThat(b.el("#adj-error").getText()).contains("新名称应以“市”结尾");
        b.el("#adj-convert-name").sendKeys("市");
        b.el("#adj-submit").click();
        // the report, or an error the panel shows (named in the failure instead of a bare 90 s timeout)
        b.await(d -> !b.driver.findElements(By.cssSelector("#adj-units tr[data-role=after]")).isEmpty()
                || !b.el("#adj-form-result").getText().contains("新名称应以“市”结尾") && !b.driver.findElements(By.cssSelector("#adj-form-result #adj-error")).isEmpty(),
                Duration.ofSeconds(90));
        assertThat(b.driver.findElements(By.cssSelector("#adj-units tr[data-role=after]"))).as("impact report; the panel shows: %s",
                b.el("#adj-form-result").getText()).isNotEmpty();
        WebElement after = b.el("#adj-units tr[data-role=after]");
        assertThat(after.getAttribute("data-code")).isEqualTo(city);
        assertThat(after.getText()).contains("测试改设市");
        assertThat(b.el("#adj-units tr[data-role=before]").getAttribute("data-code")).isEqualTo(c.county());
        b.screenshot("adjust-draft-01-convert-impact");

        // split 甲镇 (west half of the county): t1's centre in the middle of the map at zoom 14 (t1 is ±116 px × ±158 px)
        new Select(b.el("#adj-kind")).selectByValue("split");
        b.await(d -> !b.driver.findElements(By.id("adj-split-code")).isEmpty());
        b.js("window.civgeo.map.setView([arguments[0], arguments[1]], 14, {animate: false})", c.y0() + 0.01, c.x0() + 0.01);
        b.el("#adj-title").clear();
        b.el("#adj-title").sendKeys("甲镇拆分草案");
        b.el("#adj-split-code").sendKeys(c.t1());
        b.el("#adj-part-name-0").sendKeys("甲南镇");
        b.el("#adj-part-name-1").sendKeys("甲北镇");
        // part 1: its village picked on the map (v1 is the south half of 甲镇)
        b.el("#adj-part-pick-0").click();
        clickMap(0, 80);
        b.await(d -> c.v1().equals(b.el("#adj-part-units-0").getAttribute("value")));
        assertThat(b.el("#adj-pick-note").getText()).contains("一村委会").contains("第 1 部分");
        b.el("#adj-part-pick-0").click();
        // each part its own proposed seat (驻地), picked on the map inside the part: part 1 in the south half, part 2 in the north
        assertThat(b.driver.findElements(By.id("adj-seat-pick"))).as("a split has no single seat").isEmpty();
        assertThat(b.el("#adj-part-seat-0").getText()).isEqualTo("未选驻地");
        b.el("#adj-part-seat-pick-0").click();
        clickMap(-50, 110);
        b.await(d -> b.el("#adj-part-seat-0").getText().contains(","));
        b.el("#adj-part-seat-pick-1").click();
        clickMap(40, -90);
        b.await(d -> b.el("#adj-part-seat-1").getText().contains(","));
        @SuppressWarnings("unchecked")
        List<Number> seat0 = (List<Number>) b.js("return window.civgeo.adjust.state.parts[0].seat");
        @SuppressWarnings("unchecked")
        List<Number> seat1 = (List<Number>) b.js("return window.civgeo.adjust.state.parts[1].seat");
        assertThat(seat0.get(1).doubleValue()).isBetween(c.y0(), c.y0() + 0.01); // v1, the south half of 甲镇
        assertThat(seat1.get(1).doubleValue()).isBetween(c.y0() + 0.01, c.y0() + 0.02); // the north half
        assertThat(b.el("#adj-part-units-0").getAttribute("value")).as("picking a seat adds no unit").isEqualTo(c.v1());
        assertThat(seatMarkers()).isEqualTo(2);
        // part 2: drawn inside the north half, composed of v2 for its children
        b.el("#adj-part-units-1").sendKeys(c.v2());
        b.el("#adj-part-draw-1").click();
        for (int[] p : new int[][] {{-60, -130}, {60, -130}, {60, -30}, {-60, -30}}) clickMap(p[0], p[1]);
        b.await(d -> count("adj-part-vertices-1") == 4);
        b.el("#adj-part-draw-1").click(); // finish: the corner editor opens
        b.await(d -> b.driver.findElements(By.cssSelector(".adj-vertex")).size() == 4);
        assertThat(b.driver.findElements(By.cssSelector(".adj-midpoint"))).hasSize(4);

        // drag the first corner 20 px left and 10 px up
        double lng0 = ((Number) b.js("return window.civgeo.adjust.state.parts[1].vertices[0].lng")).doubleValue();
        WebElement v0 = b.driver.findElements(By.cssSelector(".adj-vertex")).get(0);
        new Actions(b.driver).clickAndHold(v0).moveByOffset(-10, -5).moveByOffset(-10, -5).release().perform();
        b.await(d -> ((Number) b.js("return window.civgeo.adjust.state.parts[1].vertices[0].lng")).doubleValue() < lng0 - 0.0001);
        // insert a corner on the first edge, then select the third corner and delete it
        b.driver.findElements(By.cssSelector(".adj-midpoint")).get(0).click();
        b.await(d -> count("adj-part-vertices-1") == 5 && b.driver.findElements(By.cssSelector(".adj-vertex")).size() == 5);
        b.driver.findElements(By.cssSelector(".adj-vertex")).get(2).click();
        b.await(d -> b.el("#adj-vertex-delete").isEnabled());
        b.screenshot("adjust-draft-02-split-corners");
        b.el("#adj-vertex-delete").click();
        b.await(d -> count("adj-part-vertices-1") == 4 && b.driver.findElements(By.cssSelector(".adj-vertex")).size() == 4);

        assertThat(draftPolygons()).as("the corner editor's polygon while drafting").isEqualTo(1);
        b.el("#adj-submit").click();
        b.await(d -> b.driver.findElements(By.cssSelector("#adj-units tr[data-role=after]")).size() == 2, Duration.ofSeconds(90));
        // the drafting layers leave the map once the draft is saved and its report shown
        assertThat(draftPolygons()).as("drawn polygons left on the map after saving").isZero();
        assertThat(b.driver.findElements(By.cssSelector(".adj-vertex"))).isEmpty();
        assertThat(seatMarkers()).isZero();
        assertThat(b.el("#adj-part-vertices-1").getText()).isEqualTo("已绘制 0 个顶点");
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) b.js("return Array.from(document.querySelectorAll('#adj-units tr[data-role=after] th')).map(e => e.textContent)");
        assertThat(String.join("|", names)).contains("甲南镇").contains("甲北镇");
        assertThat(b.el("#adj-units tr[data-role=before]").getAttribute("data-code")).isEqualTo(c.t1());
        long id = Long.parseLong(b.el("#adj-impact").getAttribute("data-id"));
        // the stored draft: part 1 composed of v1, part 2 drawn with four corners (the dragged one moved), both villages assigned
        Map<String, Object> stored = jdbc.sql("""
                select body -> 'steps' -> 0 -> 'targets' -> 0 -> 'composeFrom' ->> 0 as compose,
                       jsonb_array_length(body -> 'steps' -> 0 -> 'targets' -> 1 -> 'geometry' -> 'coordinates' -> 0) as ring,
                       body -> 'steps' -> 0 -> 'childAssignments' ->> :v2 as v2to, version from adjustment_proposal where id = :id""")
                .param("v2", c.v2()).param("id", id).query().singleRow();
        assertThat(stored.get("compose")).isEqualTo(c.v1());
        assertThat(((Number) stored.get("ring")).intValue()).isEqualTo(5); // four corners, closed
        assertThat(stored.get("v2to")).isEqualTo("甲北镇");
        // the seats stored keyed by each part's name, and each part's farthest community to its own seat as PostGIS says (±1 m)
        @SuppressWarnings("unchecked")
        Map<String, List<Double>> seats = json.readValue(jdbc.sql("select body ->> 'seats' from adjustment_proposal where id = :id").param("id", id)
                .query(String.class).single(), Map.class);
        assertThat(seats).containsOnlyKeys("甲南镇", "甲北镇");
        assertThat(seats.get("甲南镇").get(0)).isCloseTo(seat0.get(0).doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(seats.get("甲北镇").get(1)).isCloseTo(seat1.get(1).doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
        @SuppressWarnings("unchecked")
        Map<String, String> farM = (Map<String, String>) b.js("""
                var o = {}; document.querySelectorAll('#adj-units tr[data-role=after]').forEach(function (tr) {
                  var td = tr.querySelector('td[data-fact=farthest]'); o[tr.querySelector('th').firstChild.textContent] = td.getAttribute('data-m'); }); return o""");
        assertThat(farM).containsOnlyKeys("甲南镇", "甲北镇");
        double south = farthestM(seats.get("甲南镇"), List.of(c.v1())), north = farthestM(seats.get("甲北镇"), List.of(c.v2()));
        assertThat(Double.parseDouble(farM.get("甲南镇"))).isCloseTo(south, org.assertj.core.data.Offset.offset(1.0));
        assertThat(Double.parseDouble(farM.get("甲北镇"))).isCloseTo(north, org.assertj.core.data.Offset.offset(1.0));
        assertThat(Math.abs(south - north)).as("two different distances").isGreaterThan(50);
        b.screenshot("adjust-draft-03-split-impact");

        // the saved draft's polygon: edit a corner and save as version 2
        b.await(d -> !b.driver.findElements(By.id("adj-geom-edit")).isEmpty());
        b.el("#adj-geom-edit").click();
        b.await(d -> b.driver.findElements(By.cssSelector(".adj-vertex")).size() == 4);
        new Actions(b.driver).clickAndHold(b.driver.findElements(By.cssSelector(".adj-vertex")).get(1)).moveByOffset(5, 5).moveByOffset(5, 5).release().perform();
        b.driver.findElements(By.cssSelector(".adj-midpoint")).get(2).click();
        b.await(d -> b.el("#adj-draft-vertices").getText().contains("5"));
        b.screenshot("adjust-draft-04-draft-editing");
        b.el("#adj-geom-save").click();
        b.await(d -> !b.driver.findElements(By.id("adj-saved")).isEmpty(), Duration.ofSeconds(90));
        assertThat(b.el("#adj-saved").getText()).contains("第 2 版");
        assertThat(jdbc.sql("select jsonb_array_length(body -> 'steps' -> 0 -> 'targets' -> 1 -> 'geometry' -> 'coordinates' -> 0) from adjustment_proposal where id = :id")
                .param("id", id).query(Integer.class).single()).isEqualTo(6);
        assertThat(b.driver.findElements(By.cssSelector("#adj-units tr[data-role=after]"))).hasSize(2);
        assertThat(draftPolygons()).as("the draft editor's polygon after saving version 2").isZero();

        // someone else saves version 3 meanwhile: the panel's save of version 2 is refused (409) and says so
        Map<String, Object> body = json.readValue(jdbc.sql("select body::text from adjustment_proposal where id = :id").param("id", id).query(String.class).single(), Map.class);
        Response other = put("/api/adjustments/proposals/" + id, "planner-t", Map.of("title", "甲镇拆分草案（改）", "steps", body.get("steps"), "version", 2));
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        b.el("#adj-geom-edit").click();
        b.await(d -> b.driver.findElements(By.cssSelector(".adj-vertex")).size() == 5);
        b.driver.findElements(By.cssSelector(".adj-vertex")).get(0).click();
        b.await(d -> b.el("#adj-draft-vertex-delete").isEnabled());
        b.el("#adj-draft-vertex-delete").click();
        b.await(d -> b.el("#adj-draft-vertices").getText().contains("4"));
        b.el("#adj-geom-save").click();
        b.await(d -> !b.driver.findElements(By.cssSelector("#adj-geom-result #adj-error")).isEmpty(), Duration.ofSeconds(30));
        assertThat(b.el("#adj-geom-result #adj-error").getText()).contains("已被他人修改");
        b.js("document.getElementById('adj-geom-result').scrollIntoView()");
        b.screenshot("adjust-draft-05-stale");
        assertThat(jdbc.sql("select version from adjustment_proposal where id = :id").param("id", id).query(Integer.class).single()).isEqualTo(3);
    }
}
