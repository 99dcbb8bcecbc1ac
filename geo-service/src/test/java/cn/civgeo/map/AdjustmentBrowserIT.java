package cn.civgeo.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.adjustment.AdjustmentFixtures;
import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The proposals panel on a 1024×768 tablet: an ADMIN draws a new town on the map (refused: it overlaps 甲镇, the
 * panel names the problem), then composes a merge of two towns of a synthetic county, picks the seat on the map, reads
 * the impact report (population, duplicate names, doorplates to recode) and approves it. Screenshots under
 * target/screenshots/adjust-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdjustmentBrowserIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    private Browser b;

    @BeforeAll
    void start() {
        DivisionFixtures.ensureDemoCity(ctx);
        token("admin-t");
        b = new Browser(1024, 768);
    }

    @AfterAll
    void stop() {
        if (b != null) b.close();
    }

    /** Clicks the map at (dx, dy) pixels from its centre. */
    private void clickMap(int dx, int dy) {
        WebElement map = b.el("#map");
        new Actions(b.driver).moveToElement(map, dx, dy).click().perform();
    }

    @Test
    void anAdminDrawsComposesReadsTheImpactAndApproves() {
        AdjustmentFixtures.County c = AdjustmentFixtures.freshCounty(jdbc);
        b.driver.get("http://localhost:" + port + "/");
        b.await(d -> "true".equals(b.js("return document.body.getAttribute('data-ready')")), Duration.ofSeconds(90));
        b.el("#signin").click();
        b.el("#login-user").sendKeys("admin-t");
        b.el("#login-pass").sendKeys(PASSWORD);
        b.el("#login-submit").click();
        b.await(d -> b.el("#who").getText().contains("admin-t"));
        // the county's centre in the middle of the map: x0+0.02, y0+0.01; 0.04° wide fits at zoom 13
        b.el("#adjust-open").click();
        b.await(d -> !b.driver.findElements(By.id("adj-form")).isEmpty());
        b.js("window.civgeo.map.setView([arguments[0], arguments[1]], 13, {animate: false})", c.y0() + 0.01, c.x0() + 0.02);

        // draw a new town inside 甲镇 (west half): four corners left of the centre; refused, nothing written
        new org.openqa.selenium.support.ui.Select(b.el("#adj-kind")).selectByValue("establish");
        b.await(d -> !b.driver.findElements(By.id("adj-parent")).isEmpty());
        b.el("#adj-title").sendKeys("丙镇新设");
        b.el("#adj-parent").sendKeys(c.county());
        b.el("#adj-name").sendKeys("丙镇");
        b.el("#adj-draw").click();
        int[][] corners = {{-100, -40}, {-30, -40}, {-30, 40}, {-100, 40}};
        for (int[] p : corners) clickMap(p[0], p[1]);
        b.await(d -> b.el("#adj-vertices").getText().contains("4"));
        b.el("#adj-submit").click();
        b.await(d -> !b.driver.findElements(By.id("adj-error")).isEmpty(), Duration.ofSeconds(60));
        String refused = b.el("#adj-error").getText();
        assertThat(refused).contains("几何重叠").contains(c.t1());
        // said once: the summary already says the single problem, so it is not listed again under it
        assertThat(refused.split(java.util.regex.Pattern.quote(c.t1()), -1)).as(refused).hasSize(2);
        assertThat(b.driver.findElements(By.cssSelector("#adj-error li"))).isEmpty();
        b.screenshot("adjust-01-drawn-refused");
        assertThat(jdbc.sql("select count(*) from division where parent_code = :c").param("c", c.county()).query(Long.class).single()).isEqualTo(2);

        // compose a merge, pick the seat in the middle of the map
        new org.openqa.selenium.support.ui.Select(b.el("#adj-kind")).selectByValue("merge");
        b.await(d -> !b.driver.findElements(By.id("adj-survivor")).isEmpty());
        b.el("#adj-title").clear();
        b.el("#adj-title").sendKeys("甲乙镇合并");
        b.el("#adj-survivor").sendKeys(c.t1());
        b.el("#adj-absorbed").sendKeys(c.t2());
        b.el("#adj-newname").sendKeys("甲乙镇");
        b.el("#adj-seat-pick").click();
        clickMap(0, 0);
        b.await(d -> b.el("#adj-seat").getText().contains(","));
        b.screenshot("adjust-02-form");
        b.el("#adj-submit").click();
        b.await(d -> !b.driver.findElements(By.cssSelector("#adj-units tr[data-role=after]")).isEmpty(), Duration.ofSeconds(90));
        WebElement after = b.el("#adj-units tr[data-role=after]");
        assertThat(after.getAttribute("data-code")).isEqualTo(c.t1());
        assertThat(after.findElement(By.cssSelector("td[data-fact=population]")).getText()).isEqualTo("4,000");
        @SuppressWarnings("unchecked")
        List<String> dups = (List<String>) b.js("return Array.from(document.querySelectorAll('#adj-duplicates li')).map(e => e.textContent)");
        assertThat(String.join("|", dups)).contains("一村委会").contains("沿河路");
        assertThat(b.el("#adj-counts li[data-count=addresses]").getText()).contains("1");
        assertThat(b.el("#adj-counts li[data-count=apiClients]").getText()).contains("近 90 天");
        b.screenshot("adjust-03-impact");

        // plan indicators before → after and the elderly-care coverage of both sides, on request
        b.el("#adj-evaluate").click();
        b.await(d -> !b.driver.findElements(By.cssSelector("#adj-coverage tr[data-side=after]")).isEmpty(), Duration.ofSeconds(120));
        assertThat(b.driver.findElements(By.cssSelector("#adj-indicators tr[data-code='" + c.t1() + "'][data-indicator=bedsPer1000Elderly]"))).hasSize(1);
        assertThat(b.el("#adj-indicators").getText()).contains("每千名老年人养老床位数").doesNotContain("bedsPer1000Elderly");
        assertThat(b.driver.findElements(By.cssSelector("#adj-coverage tr[data-side=before][data-code='" + c.t1() + "']"))).hasSize(1);
        assertThat(b.driver.findElements(By.cssSelector("#adj-coverage tr[data-side=before][data-code='" + c.t2() + "']"))).hasSize(1);
        assertThat(b.el("#adj-coverage tr[data-side=after][data-code='" + c.t1() + "']").getText()).contains("甲乙镇").contains("%");
        b.js("document.getElementById('adj-indicators').scrollIntoView()");
        b.screenshot("adjust-03b-indicators");
        b.js("document.getElementById('adj-coverage').scrollIntoView()");
        b.screenshot("adjust-03c-coverage");

        b.el("#adj-doc").sendKeys("测政〔2026〕9号");
        b.el("#adj-approve").click();
        b.await(d -> !b.driver.findElements(By.id("adj-approved")).isEmpty(), Duration.ofSeconds(90));
        assertThat(b.el("#adj-approved").getText()).contains("已批准");
        assertThat(b.driver.findElements(By.cssSelector("#adj-tasks li[data-kind=rename_duplicate]"))).hasSize(2);
        assertThat(b.driver.findElements(By.cssSelector("#adj-tasks li[data-kind=address_recoding]"))).hasSize(1);
        b.screenshot("adjust-04-approved");
        assertThat(get("/api/divisions/" + c.t2()).json().get("status").asString()).isEqualTo("abolished");
        assertThat(get("/api/divisions/" + c.t1()).json().get("name").asString()).isEqualTo("甲乙镇");
    }
}
