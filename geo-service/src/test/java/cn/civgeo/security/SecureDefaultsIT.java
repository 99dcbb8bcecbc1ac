package cn.civgeo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.civgeo.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Defaults that hold without configuration: health, API keys in headers only, security headers, append-only audit. */
class SecureDefaultsIT extends IntegrationTest {

    @Test
    void anonymousHealthShowsTheStatusOnly() {
        Response anon = get("/actuator/health");
        assertThat(anon.status()).isEqualTo(200);
        assertThat(anon.json().get("status").asString()).isEqualTo("UP");
        assertThat(anon.json().has("components")).isFalse();
        assertThat(anon.body()).doesNotContain("diskSpace").doesNotContain("path");
        Response admin = get("/actuator/health", "admin-t");
        assertThat(admin.json().get("components").has("db")).isTrue();
    }

    @Test
    void apiKeyInTheUrlIsRefusedWith400() {
        Response created = post("/api/api-clients", "admin-t", Map.of("name", unique("url-key")));
        String key = created.json().get("apiKey").asString();
        Response r = get("/api/auth/me?apiKey=" + key);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsString("field")).containsExactly("apiKey");
        assertThat(r.json().get("detail").asString()).contains("X-API-Key");
        Response header = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/me")).header("X-API-Key", key));
        assertThat(header.status()).as(header.toString()).isEqualTo(200);
        assertThat(header.json().get("name").asString()).startsWith("api:");
    }

    @Test
    void securityHeadersOnApiAnswersAndThePage() {
        Response api = get("/api/divisions?limit=1");
        assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(api.header("Content-Security-Policy")).contains("default-src 'self'").contains("object-src 'none'");

        Response page = get("/");
        assertThat(page.status()).isEqualTo(200);
        String csp = page.header("Content-Security-Policy");
        Matcher m = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'").matcher(csp);
        assertThat(m.find()).as(csp).isTrue();
        // The inline configuration carries that nonce; no other inline script exists.
        assertThat(page.body()).contains("<script nonce=\"" + m.group(1) + "\">window.CIVGEO_MAP_CONFIG");
        assertThat(Pattern.compile("<script>").matcher(page.body()).find()).isFalse();
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        // Tests run without demo data: no demo ribbon.
        assertThat(page.body()).doesNotContain("demo-ribbon");
        assertThat(get("/", null).header("Content-Security-Policy")).doesNotContain(m.group(1)); // a fresh nonce each time
    }

    @Test
    void theServiceConnectsAsAnUnprivilegedRoleThatOwnsNothing() {
        Map<String, Object> me = jdbc.sql("""
                        select current_user as who, r.rolsuper, r.rolcreaterole, r.rolcreatedb,
                               has_table_privilege(current_user, 'audit_log', 'INSERT') as ins,
                               has_table_privilege(current_user, 'audit_log', 'UPDATE') as upd,
                               has_table_privilege(current_user, 'audit_log', 'DELETE') as del,
                               (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                 where n.nspname = 'public' and c.relowner = r.oid) as owned
                          from pg_roles r where r.rolname = current_user""").query().singleRow();
        assertThat(me.get("rolsuper")).isEqualTo(false);
        assertThat(me.get("rolcreaterole")).isEqualTo(false);
        assertThat(me.get("ins")).isEqualTo(true);
        assertThat(me.get("upd")).isEqualTo(false);
        assertThat(me.get("del")).isEqualTo(false);
        assertThat(((Number) me.get("owned")).longValue()).isZero();
    }

    @Test
    void auditLogIsAppendOnly() {
        long before = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        assertThat(before).isPositive();
        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'mallory' where id = (select max(id) from audit_log)").update())
                .rootCause().message().containsAnyOf("append-only", "permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update()).rootCause().message().containsAnyOf("append-only", "permission denied");
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'mallory'").query(Long.class).single()).isZero();
        // Beyond the grants, a trigger stops the owner too.
        assertThat(jdbc.sql("select count(*) from pg_trigger where tgname = 'audit_log_append_only' and not tgisinternal")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isGreaterThanOrEqualTo(before);
    }
}
