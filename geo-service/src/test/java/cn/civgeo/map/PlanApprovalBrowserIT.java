package cn.civgeo.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.node.ObjectNode;

/**
 * An administrator approves a draft plan in the plan panel (an incomplete approval is refused on the page, naming
 * what is missing), then reopens it with a reason; the API agrees at each step. Screenshots plan-approval-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanApprovalBrowserIT extends IntegrationTest {
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

    @Test
    void anAdminApprovesAndReopensAPlanInThePanel() throws Exception {
        ObjectNode tpl = (ObjectNode) json.readTree(java.nio.file.Files.readString(java.nio.file.Path.of("..", "data", "plans", "xiamen-14th.json")));
        tpl.put("code", unique("browser-approval-"));
        Response imported = post("/api/plans/import", "planner-t", json.writeValueAsBytes(tpl));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        long id = imported.json().get("id").asLong();

        b.driver.get("http://localhost:" + port + "/");
        b.await(d -> "true".equals(b.js("return document.body.getAttribute('data-ready')")), Duration.ofSeconds(90));
        b.el("#signin").click();
        b.el("#login-user").sendKeys("admin-t");
        b.el("#login-pass").sendKeys(PASSWORD);
        b.el("#login-submit").click();
        b.await(d -> b.el("#who").getText().contains("admin-t"));
        b.el("#plan-open").click();
        b.await(d -> !d.findElements(By.cssSelector("#plan-pick")).isEmpty());
        b.js("var s = document.getElementById('plan-pick'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));", String.valueOf(id));
        b.await(d -> !d.findElements(By.cssSelector("#plan-approval[data-status=draft] #plan-approve")).isEmpty(), Duration.ofSeconds(60));
        assertThat(b.el("#plan-approval").getText()).contains("草稿");

        // the document number is missing: refused on the page, the plan stays a draft
        b.el("#plan-approving-body").sendKeys("厦门市人民政府");
        b.js("document.getElementById('plan-approved-on').value = '2021-09-30'");
        b.el("#plan-approve").click();
        b.await(d -> !b.el("#plan-approval-error").getText().isBlank());
        assertThat(b.el("#plan-approval-error").getText()).contains("印发文号");
        assertThat(get("/api/plans/" + id).json().get("approval").get("status").asString()).isEqualTo("draft");

        b.el("#plan-document").sendKeys("厦府〔2021〕12号");
        b.el("#plan-approve").click();
        b.await(d -> !d.findElements(By.cssSelector("#plan-approval[data-status=approved]")).isEmpty(), Duration.ofSeconds(30));
        assertThat(b.el("#plan-approval").getText()).contains("已批准").contains("厦门市人民政府").contains("厦府〔2021〕12号");
        assertThat(get("/api/plans/" + id).json().get("approval").get("document").asString()).isEqualTo("厦府〔2021〕12号");
        b.screenshot("plan-approval-1-approved");

        b.el("#plan-reopen-reason").sendKeys("中期评估调整目标");
        b.el("#plan-reopen").click();
        b.await(d -> !d.findElements(By.cssSelector("#plan-approval[data-status=draft]")).isEmpty(), Duration.ofSeconds(30));
        assertThat(b.el("#plan-approval").getText()).contains("中期评估调整目标");
        assertThat(get("/api/plans/" + id).json().get("approval").get("reopenReason").asString()).isEqualTo("中期评估调整目标");
        b.screenshot("plan-approval-2-reopened");
    }
}
