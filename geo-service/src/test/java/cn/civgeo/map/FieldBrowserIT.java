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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Field work on a 1024×768 tablet with the demo city: an ADMIN plans a round from the township lines of 思明区 that
 * are due (never inspected in the demo data) and assigns one to a survey team; the surveyor sees it under "my lines"
 * with its markers and progress; a marker of a line no open round covers shows "no open round" instead of a form.
 * Screenshots under target/screenshots/field-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FieldBrowserIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    private Browser b;
    private long plannedLine, plannedRound;

    @BeforeAll
    void start() {
        DivisionFixtures.ensureDemoCity(ctx);
        ctx.getBeansOfType(DemoDataContributor.class).values().stream().filter(c -> c.order() == 50).forEach(DemoDataContributor::load);
        cn.civgeo.geocode.GeocodeTestIndex.ready(ctx.getBean(cn.civgeo.geocode.GeocodeIndex.class));
        token("surveyor-t");
        token("admin-t");
        b = new Browser(1024, 768);
    }

    @AfterAll
    void stop() {
        if (plannedRound > 0) {   // close the round so the next run finds due lines again
            int v = get("/api/boundary/rounds/" + plannedRound).json().get("round").get("version").asInt();
            put("/api/boundary/rounds/" + plannedRound, "admin-t", Map.of("status", "completed", "version", v));
        }
        if (b != null) b.close();
    }

    private String url(String path) { return "http://localhost:" + port + path; }

    private void signIn(String user) {
        if (!b.el("#who").getText().isEmpty()) {
            b.el("#signin").click();
            b.await(d -> b.el("#who").getText().isEmpty());
        }
        b.el("#signin").click();
        b.el("#login-user").clear();
        b.el("#login-user").sendKeys(user);
        b.el("#login-pass").clear();
        b.el("#login-pass").sendKeys(PASSWORD);
        b.el("#login-submit").click();
        b.await(d -> b.el("#who").getText().contains(user));
    }

    @Test
    @Order(1)
    void anAdminPlansARoundFromTheDueLinesAndAssignsATeam() {
        b.driver.get(url("/"));
        b.await(d -> "true".equals(b.js("return document.body.getAttribute('data-ready')")), Duration.ofSeconds(60));
        assertThat(b.el("#field-open").isDisplayed()).isFalse();
        signIn("admin-t");
        b.await(d -> b.el("#field-open").isDisplayed());
        b.el("#field-open").click();
        b.await(d -> !d.findElements(By.id("field-tab-plan")).isEmpty());
        b.el("#field-tab-plan").click();
        b.await(d -> !d.findElements(By.id("plan-form")).isEmpty());
        new org.openqa.selenium.support.ui.Select(b.el("#plan-level")).selectByValue("4");
        b.el("#plan-within").sendKeys(DivisionFixtures.SIMING);
        b.el("#plan-load").click();
        b.await(d -> !d.findElements(By.cssSelector("#due-lines tbody tr")).isEmpty(), Duration.ofSeconds(30));
        assertThat(b.el("#cycle-summary").getText()).contains("从未检查");
        assertThat(b.el("#due-lines tbody tr .badge").getText()).isIn("从未检查", "逾期", "今年到期");

        // keep the first line that no open round covers; uncheck the others
        List<WebElement> rows = b.driver.findElements(By.cssSelector("#due-lines tbody tr"));
        for (WebElement r : rows) {
            WebElement box = r.findElement(By.cssSelector(".due-pick"));
            if (plannedLine == 0 && box.isEnabled()) {
                plannedLine = Long.parseLong(r.getAttribute("data-line"));
                WebElement team = r.findElement(By.cssSelector(".due-team"));
                team.clear();
                team.sendKeys("思明外业一组");
                r.findElement(By.cssSelector(".due-members")).sendKeys("surveyor-t");
            } else if (box.isSelected()) {
                box.click();
            }
        }
        assertThat(plannedLine).as("a due township line of 思明区").isPositive();
        b.el("#round-number").clear();
        b.el("#round-number").sendKeys(String.valueOf(50 + (int) (System.nanoTime() % 40)));
        b.screenshot("field-01-plan");
        b.el("#round-create").click();
        b.await(d -> b.el("#round-result").getAttribute("data-round") != null || b.el("#round-result").getText().startsWith("错误"),
                Duration.ofSeconds(30));
        assertThat(b.el("#round-result").getText()).as(b.el("#round-result").getText()).startsWith("已创建").contains("1 条界线");
        plannedRound = Long.parseLong(b.el("#round-result").getAttribute("data-round"));
        var assigned = get("/api/boundary/rounds/" + plannedRound + "/assignments").json();
        assertThat(assigned.size()).isEqualTo(1);
        assertThat(assigned.get(0).get("lineId").asLong()).isEqualTo(plannedLine);
        assertThat(assigned.get(0).get("team").asString()).isEqualTo("思明外业一组");
        assertThat(assigned.get(0).get("members").get(0).asString()).isEqualTo("surveyor-t");
        b.screenshot("field-02-planned");
    }

    @Test
    @Order(2)
    void theSurveyorSeesMyLinesWithMarkersAndProgress() {
        signIn("surveyor-t");
        b.el("#field-open").click();
        String sel = "#my-lines li[data-round='" + plannedRound + "']";
        b.await(d -> !d.findElements(By.cssSelector(sel)).isEmpty(), Duration.ofSeconds(30));
        WebElement li = b.el(sel);
        assertThat(li.getAttribute("data-line")).isEqualTo(String.valueOf(plannedLine));
        long markers = jdbc.sql("select count(*) from boundary_marker where line_id = :l and status <> 'removed'")
                .param("l", plannedLine).query(Long.class).single();
        assertThat(li.findElement(By.cssSelector(".progress-text")).getText()).isEqualTo("已检 0 / " + markers + " 个界桩");
        assertThat(li.findElements(By.cssSelector(".my-marker"))).hasSize((int) markers);
        assertPanelLeavesTheMapVisible();
        b.screenshot("field-03-my-lines");

        // the line's first marker: the form names the round and the team
        li.findElement(By.cssSelector(".my-marker")).click();
        b.await(d -> !d.findElements(By.id("survey-form")).isEmpty(), Duration.ofSeconds(30));
        assertThat(b.el("#survey-round").getAttribute("data-round")).isEqualTo(String.valueOf(plannedRound));
        assertThat(b.el("#survey-round").getText()).contains("思明外业一组");
        b.screenshot("field-04-marker-form");
    }

    @Test
    @Order(3)
    void aMarkerOfALineWithoutAnOpenRoundRefusesBeforeAnythingIsTyped() {
        Long marker = jdbc.sql("""
                select k.id from boundary_marker k join boundary_line l on l.id = k.line_id
                 where l.code like '3502%' and k.status <> 'removed'
                   and not exists (select 1 from inspection_round_line rl join inspection_round r on r.id = rl.round_id
                                    where rl.line_id = l.id and r.status <> 'completed')
                 order by k.id limit 1""").query(Long.class).single();
        b.js("window.civgeo.boundary.showMarker(arguments[0])", marker);
        b.await(d -> !d.findElements(By.id("survey-no-round")).isEmpty(), Duration.ofSeconds(30));
        assertThat(b.el("#survey-no-round").getText()).startsWith("该界线没有进行中的联检轮次");
        assertThat(b.driver.findElements(By.id("survey-form"))).isEmpty();
        b.screenshot("field-05-no-round");
    }

    @Test
    @Order(4)
    void theManagementTabShowsThePeaceBorderRateOverduePatrolsAndReDemarcation() {
        b.el("#panel-close").click();
        b.el("#field-open").click();
        b.await(d -> !d.findElements(By.id("field-tab-manage")).isEmpty());
        b.el("#field-tab-manage").click();
        b.await(d -> !d.findElements(By.id("manage-form")).isEmpty());
        b.el("#manage-within").clear();
        b.el("#manage-within").sendKeys("350200");
        b.el("#manage-load").click();
        b.await(d -> !d.findElements(By.cssSelector("#peace-rates tr[data-level='3']")).isEmpty(), Duration.ofSeconds(30));
        var rates = get("/api/boundary/peace-border/rates?within=350200").json().get("byLevel");
        var county = rates.get(0).get("level").asInt() == 3 ? rates.get(0) : rates.get(1);
        assertThat(b.el("#peace-rates tr[data-level='3'] td").getText())
                .startsWith("已创建 " + county.get("signed").asInt() + " / " + county.get("lines").asInt() + " 条");
        assertThat(b.el("#peace-rates tr[data-level='3'] th").getText()).isEqualTo("县级");
        assertThat(b.driver.findElements(By.cssSelector("#patrols-overdue tr"))).isNotEmpty();
        assertPanelLeavesTheMapVisible();
        b.screenshot("field-06-management");
    }

    @Test
    @Order(5)
    void theSearchBoxFindsLineNamesAndMarkerNumbers() {
        Map<String, Object> l = jdbc.sql("select code, name from boundary_line where id = :id").param("id", plannedLine).query().singleRow();
        String number = jdbc.sql("select number from boundary_marker where line_id = :id order by seq limit 1").param("id", plannedLine)
                .query(String.class).single();
        b.el("#search").clear();
        b.el("#search").sendKeys(((String) l.get("name")).replace("—", "-"));   // typed with an ASCII hyphen
        b.await(d -> results().stream().anyMatch(t -> t.contains((String) l.get("code"))), Duration.ofSeconds(30));
        b.el("#search").sendKeys(org.openqa.selenium.Keys.ENTER);
        b.await(d -> !d.findElements(By.id("line-name")).isEmpty() && b.el("#line-name").getText().equals(l.get("name")), Duration.ofSeconds(30));
        b.screenshot("field-07-search-line");
        b.el("#search").clear();
        b.el("#search").sendKeys(number);
        b.await(d -> !results().isEmpty() && results().get(0).startsWith(number), Duration.ofSeconds(30));
        b.el("#search").sendKeys(org.openqa.selenium.Keys.ENTER);
        b.await(d -> !d.findElements(By.id("marker-number")).isEmpty() && b.el("#marker-number").getText().equals(number), Duration.ofSeconds(30));
    }

    /** The search box's options as shown (read by script: the list is redrawn as results arrive). */
    @SuppressWarnings("unchecked")
    private List<String> results() {
        return (List<String>) b.js("return Array.from(document.querySelectorAll('#search-results li[data-i]')).map(e => e.textContent)");
    }

    private void assertPanelLeavesTheMapVisible() {
        Number mapWidth = (Number) b.js("return document.getElementById('map').getBoundingClientRect().width");
        assertThat(mapWidth.doubleValue()).as("map width beside the panel at 1024 px").isGreaterThan(500);
    }
}
