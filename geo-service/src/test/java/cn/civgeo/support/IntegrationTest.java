package cn.civgeo.support;

import cn.civgeo.security.UserService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of every *IT: the whole application on a random port against the real test database, called over HTTP
 * as a client would. Test users exist once per database: admin-t, surveyor-t, planner-t, viewer-t, and
 * any {@code <role>-<purpose>-t} a test asks for (a user of its own, e.g. so other tests' jobs do not hold its turn).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {
    public static final String PASSWORD = "test-password-1";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    private UserService users;

    public record Response(int status, String contentType, String body, HttpResponse<byte[]> raw, JsonMapper mapper) {
        public JsonNode json() { return mapper.readTree(body); }

        public String header(String name) { return raw.headers().firstValue(name).orElse(null); }

        @Override
        public String toString() { return status + " " + contentType + " " + body; }
    }

    /** Who calls: null for anonymous, or a test user name ("admin-t", "surveyor-t", ...). */
    protected Response call(String method, String path, String user, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) b.header("Authorization", "Bearer " + token(user));
        if (contentType != null) b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(b);
    }

    protected Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    new String(r.body(), StandardCharsets.UTF_8), r, json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Response get(String path) { return call("GET", path, null, null, null); }

    protected Response get(String path, String user) { return call("GET", path, user, null, null); }

    protected Response post(String path, String user, Object body) { return call("POST", path, user, "application/json", bytes(body)); }

    protected Response put(String path, String user, Object body) { return call("PUT", path, user, "application/json", bytes(body)); }

    protected Response delete(String path, String user) { return call("DELETE", path, user, null, null); }

    protected byte[] bytes(Object body) {
        if (body == null) return null;
        if (body instanceof byte[] b) return b;
        if (body instanceof String s) return s.getBytes(StandardCharsets.UTF_8);
        return json.writeValueAsBytes(body);
    }

    protected String token(String user) {
        return TOKENS.computeIfAbsent(user + "@" + port, k -> {
            ensureUser(user);
            Response r = post("/api/auth/login", null, Map.of("username", user, "password", PASSWORD));
            if (r.status() != 200) throw new IllegalStateException("login failed for " + user + ": " + r);
            return r.json().get("token").asString();
        });
    }

    private void ensureUser(String user) {
        if (users.byUsername(user).isPresent()) return;
        // admin-t, planner-t ...; a test that needs a user of its own names it <role>-<purpose>-t (planner-jobs-t)
        String role = user.substring(0, user.length() - 2).split("-")[0].toUpperCase();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("test-setup", null, List.of()));
        try {
            users.create(new UserService.NewUser(user, user, PASSWORD, List.of(role)));
        } catch (RuntimeException e) {
            if (users.byUsername(user).isEmpty()) throw e; // another test class created it meanwhile
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    protected long auditRows(String entity, Object id) {
        return jdbc.sql("select count(*) from audit_log where entity = :e and entity_id = :i")
                .param("e", entity).param("i", String.valueOf(id)).query(Long.class).single();
    }

    /** A name unique to this run, so tests never collide with rows left by earlier runs. */
    protected static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36);
    }
}
