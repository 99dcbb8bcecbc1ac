package cn.civgeo.ogc;

import cn.civgeo.common.ApiException;
import cn.civgeo.common.ProblemType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes every public layer to a GeoServer through its REST API (GeoServer user manual, "REST API":
 * workspaces, datastores, featuretypes, styles, layers, layergroups), idempotently: each resource is read with
 * GET first, then created with POST when GeoServer answers 404, or updated with PUT when it exists. Creates the
 * workspace, one PostGIS store on the read-only views, a feature type per collection (the divisions' level and
 * the facilities' kind as the feature type's CQL filter on the shared view), an SLD 1.0 style per layer set as the
 * layer's default, and a layer group of all layers.
 */
@Component
class GeoServerPublisher {
    static final String SLD = "application/vnd.ogc.sld+xml";

    /** One REST call made: method, path (below the GeoServer URL), the status GeoServer answered. */
    record Step(String method, String path, int status) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "GeoServerTarget")
    record Target(String url, String user, String password, String workspace, String store) {}

    private final OgcCatalog catalog;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    GeoServerPublisher(OgcCatalog catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    List<Step> publish(Target t, MapfileWriter.Connection db) {
        Session s = new Session(t);
        String ws = t.workspace();
        String wsPath = "/rest/workspaces/" + enc(ws);
        s.upsert(wsPath, "/rest/workspaces", Map.of("workspace", Map.of("name", ws)), false);

        Map<String, Object> store = new LinkedHashMap<>();
        store.put("name", t.store());
        store.put("description", "CivGeo read-only public views (EPSG:4490)");
        store.put("enabled", true);
        store.put("connectionParameters", Map.of("entry", List.of(entry("dbtype", "postgis"), entry("host", db.host()),
                entry("port", String.valueOf(db.port())), entry("database", db.database()), entry("schema", "public"),
                entry("user", db.user()), entry("passwd", db.password()), entry("Expose primary keys", "true"))));
        String storePath = wsPath + "/datastores/" + enc(t.store());
        s.upsert(storePath, wsPath + "/datastores", Map.of("dataStore", store), true);

        List<OgcCollection> cols = catalog.collections();
        List<Map<String, Object>> published = new ArrayList<>(), styles = new ArrayList<>();
        for (OgcCollection c : cols) {
            String name = c.id();
            s.upsertSld(wsPath + "/styles/" + enc(name), wsPath + "/styles?name=" + enc(name), SldWriter.sld(c));

            Map<String, Object> ft = new LinkedHashMap<>();
            ft.put("name", name);
            ft.put("nativeName", c.view());
            ft.put("title", c.titleZh() + " " + c.titleEn());
            ft.put("abstract", c.titleEn() + " from the CivGeo view " + c.view());
            ft.put("srs", "EPSG:4490");
            ft.put("projectionPolicy", "FORCE_DECLARED");
            ft.put("enabled", true);
            if (c.fixedColumn() != null) {
                Object v = c.fixedValue();
                ft.put("cqlFilter", c.fixedColumn() + " = " + (v instanceof Number ? v : "'" + v + "'"));
            }
            s.upsert(storePath + "/featuretypes/" + enc(name), storePath + "/featuretypes", Map.of("featureType", ft), true);

            Map<String, Object> layer = Map.of("layer", Map.of("defaultStyle", Map.of("name", name, "workspace", ws)));
            s.send("PUT", "/rest/layers/" + enc(ws + ":" + name), "application/json", json.writeValueAsString(layer));
            published.add(Map.of("@type", "layer", "name", ws + ":" + name));
            styles.add(Map.of("name", ws + ":" + name));
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", ws);
        group.put("title", "CivGeo 行政区划与民政设施");
        group.put("mode", "SINGLE");
        group.put("publishables", Map.of("published", published));
        group.put("styles", Map.of("style", styles));
        s.upsert(wsPath + "/layergroups/" + enc(ws), wsPath + "/layergroups", Map.of("layerGroup", group), true);
        return s.steps;
    }

    private static Map<String, String> entry(String key, String value) { return Map.of("@key", key, "$", value); }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }

    /** One publishing run: base URL, credentials and the steps made. */
    private final class Session {
        final String base;
        final String auth;
        final List<Step> steps = new ArrayList<>();

        Session(Target t) {
            String u = t.url().endsWith("/") ? t.url().substring(0, t.url().length() - 1) : t.url();
            this.base = u;
            this.auth = "Basic " + Base64.getEncoder().encodeToString((t.user() + ":" + t.password()).getBytes(StandardCharsets.UTF_8));
        }

        /** GET {@code item}; 404 → POST the body to {@code collection}; 200 → PUT it to {@code item} (when {@code update}). */
        void upsert(String item, String collection, Object body, boolean update) {
            int got = send("GET", item, null, null);
            String text = json.writeValueAsString(body);
            if (got == 404) send("POST", collection, "application/json", text);
            else if (update) send("PUT", item, "application/json", text);
        }

        void upsertSld(String item, String collection, String sld) {
            int got = send("GET", item, null, null);
            if (got == 404) send("POST", collection, SLD, sld);
            else send("PUT", item, SLD, sld);
        }

        int send(String method, String path, String contentType, String body) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", auth).header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (contentType != null) b.header("Content-Type", contentType);
            int status;
            try {
                status = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                throw new ApiException(ProblemType.UNAVAILABLE, "GeoServer at " + base + " is not reachable: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            steps.add(new Step(method, path, status));
            boolean ok = status / 100 == 2 || (method.equals("GET") && status == 404);
            if (!ok) {
                throw new ApiException(ProblemType.UNAVAILABLE, "GeoServer answered " + status + " to " + method + " "
                        + path + "; nothing after this step was published", List.of(), Map.of("steps", steps));
            }
            return status;
        }
    }
}
