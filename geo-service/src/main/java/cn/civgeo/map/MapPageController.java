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

    MapPageController(MapAssets assets, MapController map, JsonMapper json,
                      @org.springframework.beans.factory.annotation.Value("${civgeo.demo.enabled:false}") boolean demo) {
        this.assets = assets;
        this.map = map;
        this.json = json;
        this.demo = demo;
    }

    /** Shown on every page of a demo instance: its users and API key are public (README). */
    static final String DEMO_RIBBON = "<div id=\"demo-ribbon\" role=\"alert\" data-i18n=\"demoRibbon\" style=\"position:fixed;"
            + "top:0;left:50%;transform:translateX(-50%);z-index:10000;background:#c62828;color:#fff;padding:2px 12px;"
            + "font:bold 13px sans-serif;border-radius:0 0 6px 6px;pointer-events:none\">演示模式：公开的演示账号与密钥，勿用于生产 · "
            + "DEMO MODE: public demo accounts and key, not for production</div>";
    static final String LANG_PENDING = "try{if(localStorage.getItem('civgeo.lang')==='en'){var h=document.documentElement;h.lang='en';"
            + "h.classList.add('i18n-pending');setTimeout(function(){h.classList.remove('i18n-pending')},4000)}}catch(e){}";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final boolean demo;

    @GetMapping({"/", "/index.html"})
    ResponseEntity<String> page() {
        String html = assets.html();
        if (html == null) throw ApiException.notFound("Page", "/");
        String config = json.writeValueAsString(map.config());
        // The inline configuration runs under a per-answer nonce; every other script must come from this origin.
        byte[] n = new byte[16];
        RANDOM.nextBytes(n);
        String nonce = java.util.Base64.getEncoder().encodeToString(n);
        html = html.replace(MapAssets.CONFIG_MARKER, "<script nonce=\"" + nonce + "\">window.CIVGEO_MAP_CONFIG = "
                + scriptSafe(config) + ";</script>");
        // A page opened in English keeps its body hidden until the English texts are applied (i18n.js removes the
        // class; 4 s at most), so it never paints the Chinese of the HTML first.
        html = html.replaceFirst("</head>", "<script nonce=\"" + nonce + "\">" + LANG_PENDING + "</script>\n</head>");
        if (demo) html = html.replaceFirst("(<body[^>]*>)", "$1" + DEMO_RIBBON);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", cn.civgeo.common.SecurityHeaders.CSP.replace("script-src 'self'", "script-src 'self' 'nonce-" + nonce + "'"))
                .cacheControl(CacheControl.noCache()).body(html);
    }

    /** JSON that cannot end the script element or open a comment inside it. */
    static String scriptSafe(String jsonText) {
        return jsonText.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** The service worker with the build's version in it (never cached, so a deploy reaches the browser at once). */
    @GetMapping("/sw.js")
    ResponseEntity<String> serviceWorker() {
        String sw = assets.serviceWorker();
        if (sw == null) throw ApiException.notFound("Asset", "sw.js");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
                .cacheControl(CacheControl.noCache()).body(sw);
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
