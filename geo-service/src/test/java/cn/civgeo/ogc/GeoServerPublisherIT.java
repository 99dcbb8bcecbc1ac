package cn.civgeo.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The GeoServer publisher against a local recording HTTP server that behaves like GeoServer's REST API as its user
 * manual documents it (REST API reference: GET of a missing resource is 404; POST to the collection creates it,
 * 201; PUT to the resource modifies it, 200; styles POST with Content-type application/vnd.ogc.sld+xml and the
 * {@code name} parameter). Checked: paths, methods, content types, bodies, and that a second run only updates.
 */
class GeoServerPublisherIT extends IntegrationTest {
    record Call(String method, String path, String contentType, String auth, String body) {}

    /** The documented REST resources: collection paths accept POST, item paths GET and PUT. */
    static final List<Pattern> DOCUMENTED = List.of(
            Pattern.compile("(GET|PUT) /geoserver/rest/workspaces/civgeo"),
            Pattern.compile("POST /geoserver/rest/workspaces"),
            Pattern.compile("(GET|PUT) /geoserver/rest/workspaces/civgeo/datastores/civgeo_public"),
            Pattern.compile("POST /geoserver/rest/workspaces/civgeo/datastores"),
            Pattern.compile("(GET|PUT) /geoserver/rest/workspaces/civgeo/styles/[a-z0-9-]+"),
            Pattern.compile("POST /geoserver/rest/workspaces/civgeo/styles\\?name=[a-z0-9-]+"),
            Pattern.compile("(GET|PUT) /geoserver/rest/workspaces/civgeo/datastores/civgeo_public/featuretypes/[a-z0-9-]+"),
            Pattern.compile("POST /geoserver/rest/workspaces/civgeo/datastores/civgeo_public/featuretypes"),
            Pattern.compile("PUT /geoserver/rest/layers/civgeo%3A[a-z0-9-]+"),
            Pattern.compile("(GET|PUT) /geoserver/rest/workspaces/civgeo/layergroups/civgeo"),
            Pattern.compile("POST /geoserver/rest/workspaces/civgeo/layergroups"));

    @Autowired
    ApplicationContext ctx;
    HttpServer server;
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    final Set<String> existing = Collections.synchronizedSet(new HashSet<>());

    @BeforeEach
    void start() throws IOException {
        OgcFixtures.ensureDemo(ctx);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/geoserver/rest", ex -> {
            String path = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(ex.getRequestMethod(), path, ex.getRequestHeaders().getFirst("Content-Type"),
                    ex.getRequestHeaders().getFirst("Authorization"), body));
            int status;
            switch (ex.getRequestMethod()) {
                case "GET" -> status = existing.contains(path) ? 200 : 404;
                case "POST" -> {
                    status = 201;
                    existing.add(created(path, body));
                }
                default -> status = path.startsWith("/geoserver/rest/layers/") || existing.contains(path) ? 200 : 404;
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    /** Where GeoServer puts what a POST creates (the Location header): the collection path + "/" + name. */
    private String created(String path, String body) {
        if (path.contains("/styles?name=")) return path.replace("/styles?name=", "/styles/");
        JsonNode n = json.readTree(body);
        String name = n.iterator().next().get("name").asString();
        return path + "/" + name;
    }

    @AfterEach
    void stop() { server.stop(0); }

    private JsonNode publish() {
        Response r = post("/api/ogc/publish/geoserver", "admin-t", Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort()
                + "/geoserver", "user", "admin", "password", "geoserver"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void createsEverythingThenOnlyUpdatesFollowingTheRestDocumentation() {
        assertThat(post("/api/ogc/publish/geoserver", "viewer-t", Map.of("url", "http://127.0.0.1:1/geoserver",
                "user", "a", "password", "b")).status()).isEqualTo(403);
        Response bad = post("/api/ogc/publish/geoserver", "admin-t", Map.of("url", "ftp://x", "user", "", "password", "b"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("url", "user");
        assertThat(calls).isEmpty();

        List<String> ids = get("/api/ogc/collections").json().get("collections").findValuesAsString("id");
        publish();
        for (Call c : calls) {
            String line = c.method() + " " + c.path();
            assertThat(DOCUMENTED.stream().anyMatch(p -> p.matcher(line).matches())).as(line).isTrue();
            assertThat(c.auth()).isEqualTo("Basic " + Base64.getEncoder().encodeToString("admin:geoserver".getBytes(StandardCharsets.UTF_8)));
        }
        // every resource read first, then created
        assertThat(calls.get(0).method() + " " + calls.get(0).path()).isEqualTo("GET /geoserver/rest/workspaces/civgeo");
        Call ws = calls.get(1);
        assertThat(ws.method() + " " + ws.path()).isEqualTo("POST /geoserver/rest/workspaces");
        assertThat(ws.contentType()).isEqualTo("application/json");
        assertThat(json.readTree(ws.body()).get("workspace").get("name").asString()).isEqualTo("civgeo");

        JsonNode store = json.readTree(only("POST", "/geoserver/rest/workspaces/civgeo/datastores").body()).get("dataStore");
        assertThat(store.get("name").asString()).isEqualTo("civgeo_public");
        Map<String, String> params = new java.util.HashMap<>();
        store.get("connectionParameters").get("entry").forEach(e -> params.put(e.get("@key").asString(), e.get("$").asString()));
        assertThat(params).containsEntry("dbtype", "postgis").containsEntry("schema", "public").containsKeys("host", "port", "database", "user", "passwd");
        assertThat(params.get("database")).isEqualTo(jdbc.sql("select current_database()").query(String.class).single());

        List<Call> styles = calls.stream().filter(c -> c.method().equals("POST") && c.path().contains("/styles?name=")).toList();
        assertThat(styles).hasSize(ids.size());
        for (Call s : styles) {
            assertThat(s.contentType()).isEqualTo("application/vnd.ogc.sld+xml");
            assertThat(s.body()).startsWith("<?xml").contains("<StyledLayerDescriptor version=\"1.0.0\"")
                    .contains("<Name>" + s.path().substring(s.path().indexOf("name=") + 5) + "</Name>");
        }
        List<JsonNode> fts = calls.stream().filter(c -> c.method().equals("POST") && c.path().endsWith("/featuretypes"))
                .map(c -> json.readTree(c.body()).get("featureType")).toList();
        assertThat(fts).hasSize(ids.size());
        JsonNode county = fts.stream().filter(f -> f.get("name").asString().equals("divisions-county")).findFirst().orElseThrow();
        assertThat(county.get("nativeName").asString()).isEqualTo("division_public");
        assertThat(county.get("cqlFilter").asString()).isEqualTo("level = 3");
        assertThat(county.get("srs").asString()).isEqualTo("EPSG:4490");
        JsonNode nursing = fts.stream().filter(f -> f.get("name").asString().equals("facilities-nursing-home")).findFirst().orElseThrow();
        assertThat(nursing.get("cqlFilter").asString()).isEqualTo("kind = 'nursing_home'");

        JsonNode defaultStyle = json.readTree(only("PUT", "/geoserver/rest/layers/civgeo%3Adivisions-county").body());
        assertThat(defaultStyle.get("layer").get("defaultStyle").get("name").asString()).isEqualTo("divisions-county");
        JsonNode group = json.readTree(only("POST", "/geoserver/rest/workspaces/civgeo/layergroups").body()).get("layerGroup");
        assertThat(group.get("publishables").get("published").size()).isEqualTo(ids.size());
        assertThat(group.get("styles").get("style").size()).isEqualTo(ids.size());

        // second run: the same resources are found and updated, nothing is created twice
        calls.clear();
        JsonNode again = publish();
        assertThat(calls).noneMatch(c -> c.method().equals("POST"));
        assertThat(calls.stream().filter(c -> c.method().equals("PUT")).count()).isEqualTo(1 + ids.size() * 3L + 1);
        assertThat(again.get("steps").size()).isEqualTo(calls.size());
        assertThat(auditRows("geoserver_publication", "http://127.0.0.1:" + server.getAddress().getPort() + "/geoserver#civgeo")).isEqualTo(2);
    }

    @Test
    void aRefusalStopsWithA503NamingTheCall() {
        server.removeContext("/geoserver/rest");
        server.createContext("/geoserver/rest", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(ex.getRequestMethod().equals("POST") ? 401 : 404, -1);
            ex.close();
        });
        Response r = post("/api/ogc/publish/geoserver", "admin-t", Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort()
                + "/geoserver", "user", "admin", "password", "wrong"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("detail").asString()).contains("401").contains("POST /rest/workspaces");
    }

    private Call only(String method, String path) {
        List<Call> found = calls.stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
        assertThat(found).as(method + " " + path).hasSize(1);
        return found.get(0);
    }
}
