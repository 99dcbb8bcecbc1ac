package cn.civgeo.map;

import cn.civgeo.common.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the web map's page at {@code /} with its bundles ({@link MapAssets}) and the map configuration written
 * into the page, so the map starts without waiting for {@code GET /api/map/config} (which stays available).
 */
@Controller
@Hidden
class MapPageController {
    private final MapAssets assets;
    private final MapController map;
    private final JsonMapper json;

    MapPageController(MapAssets assets, MapController map, JsonMapper json) {
        this.assets = assets;
        this.map = map;
        this.json = json;
    }

    @GetMapping({"/", "/index.html"})
    ResponseEntity<String> page() {
        String html = assets.html();
        if (html == null) throw ApiException.notFound("Page", "/");
        String config = json.writeValueAsString(map.config());
        html = html.replace(MapAssets.CONFIG_MARKER, "<script>window.CIVGEO_MAP_CONFIG = " + scriptSafe(config) + ";</script>");
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(html);
    }

    /** JSON that cannot end the script element or open a comment inside it. */
    static String scriptSafe(String jsonText) {
        return jsonText.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    @GetMapping(MapAssets.PREFIX + "{name:.+}")
    ResponseEntity<byte[]> asset(@PathVariable String name, @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String accept,
                                 WebRequest request) {
        MapAssets.Asset a = assets.asset(name);
        if (a == null) throw ApiException.notFound("Asset", name);
        boolean gzip = accept != null && accept.contains("gzip");
        String etag = '"' + a.hash() + (gzip ? "-gz" : "") + '"';
        CacheControl cc = CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();
        if (request.checkNotModified(etag)) return ResponseEntity.status(304).eTag(etag).cacheControl(cc).build();
        ResponseEntity.BodyBuilder b = ResponseEntity.ok().contentType(MediaType.parseMediaType(a.contentType()))
                .cacheControl(cc).eTag(etag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline");
        if (gzip) b.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        return b.body(gzip ? a.gzip() : a.bytes());
    }
}
