package cn.civgeo.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A deploy reaches a browser that has the page installed (issue #12, the service worker's update): the page is open
 * under the worker of build A with a field package downloaded; build B is served; on the next visit the browser
 * installs B's worker (its bytes changed: the build is written in front of it), which keeps B's page, drops A's page
 * cache, keeps the field package and the network state and takes over the open page. Offline afterwards, the page
 * still opens from B's cache. Screenshot under target/screenshots/sw-update.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceWorkerUpdateBrowserIT extends IntegrationTest {
    @Autowired
    MapAssets assets;

    private Browser b;

    @BeforeAll
    void start() {
        b = new Browser(1024, 768);
    }

    @AfterAll
    void stop() {
        try {
            assets.redeployForTest(null); // the build on the classpath again for the other tests of this context
        } finally {
            if (b != null) b.close();
        }
    }

    private String url(String path) { return "http://localhost:" + port + path; }

    @SuppressWarnings("unchecked")
    private List<String> cacheNames() {
        return (List<String>) b.jsAsync("var done = arguments[arguments.length - 1]; caches.keys().then(function (k) { done(k.sort()); }, function () { done([]); });");
    }

    private String cachedPage(String cache) {
        return String.valueOf(b.jsAsync("var done = arguments[arguments.length - 1]; caches.open(arguments[0]).then(function (c) { return c.match('/'); })"
                + ".then(function (r) { return r ? r.text() : 'none'; }).then(done, function (e) { done('error ' + e); });", cache));
    }

    /** The build written in front of the worker as served now. */
    private String servedBuild() {
        String sw = get("/sw.js").body();
        assertThat(sw).startsWith("self.CIVGEO_BUILD=\"");
        return sw.substring("self.CIVGEO_BUILD=\"".length(), sw.indexOf('"', "self.CIVGEO_BUILD=\"".length()));
    }

    @Test
    void aNewBuildReplacesThePageCacheAndKeepsTheFieldPackages() {
        String a = servedBuild();
        b.driver.get(url("/"));
        b.await(d -> "true".equals(b.js("return document.body.getAttribute('data-ready')")), Duration.ofSeconds(60));
        b.await(d -> Boolean.TRUE.equals(b.js("return !!navigator.serviceWorker.controller")), Duration.ofSeconds(30));
        b.await(d -> cacheNames().contains("civgeo-shell-" + a) && !cachedPage("civgeo-shell-" + a).equals("none"), Duration.ofSeconds(30));
        // a downloaded field package (offline.js writes these caches) and what the worker keeps of the network state
        assertThat(b.jsAsync("var done = arguments[arguments.length - 1]; caches.open('civgeo-field-424242').then(function (c) {"
                + " return c.put('/api/boundary/lines/424242', new Response('{\"id\":424242}', { headers: { 'Content-Type': 'application/json' } })); })"
                + ".then(function () { done('kept'); }, function (e) { done('error ' + e); });")).isEqualTo("kept");
        Object firstWorker = b.js("return navigator.serviceWorker.controller.state");
        assertThat(firstWorker).isEqualTo("activated");

        // the deploy
        assets.redeployForTest("sw-update-" + System.nanoTime());
        String next = servedBuild();
        assertThat(next).isNotEqualTo(a);
        assertThat(get("/").body()).contains("<!-- build sw-update-");

        // the next visit: the browser compares the worker's bytes, installs the new one, which takes over the page
        b.driver.navigate().refresh();
        b.await(d -> "true".equals(b.js("return document.body.getAttribute('data-ready')")), Duration.ofSeconds(60));
        b.jsAsync("var done = arguments[arguments.length - 1]; navigator.serviceWorker.getRegistration().then(function (r) { return r && r.update(); })"
                + ".then(function () { done(true); }, function () { done(false); });");
        b.await(d -> {
            List<String> names = cacheNames();
            return names.contains("civgeo-shell-" + next) && !names.contains("civgeo-shell-" + a);
        }, Duration.ofSeconds(60));
        List<String> names = cacheNames();
        assertThat(names).as("the field package stays; only the old build's page cache goes").contains("civgeo-field-424242")
                .doesNotContain("civgeo-shell-" + a);
        assertThat(cachedPage("civgeo-shell-" + next)).as("the new build's page is kept for offline use").contains("<!-- build sw-update-");
        assertThat(String.valueOf(b.jsAsync("var done = arguments[arguments.length - 1]; caches.open('civgeo-field-424242')"
                + ".then(function (c) { return c.match('/api/boundary/lines/424242'); }).then(function (r) { return r ? r.text() : 'none'; }).then(done);")))
                .isEqualTo("{\"id\":424242}");
        b.await(d -> Boolean.TRUE.equals(b.js("return !!navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === 'activated'")));

        // offline now (the page tells its worker, as the field mode does): the page opens from the new build's cache
        assertThat(b.jsAsync("var done = arguments[arguments.length - 1]; var ch = new MessageChannel(); ch.port1.onmessage = function (e) { done(e.data.offline); };"
                + " navigator.serviceWorker.controller.postMessage({ type: 'civgeo-network', offline: true }, [ch.port2]);")).isEqualTo(true);
        try {
            b.driver.navigate().refresh();
            b.await(d -> "complete".equals(b.js("return document.readyState")), Duration.ofSeconds(60));
            assertThat(b.js("return document.documentElement.outerHTML")).asString().contains("<!-- build sw-update-");
            b.screenshot("sw-update");
        } finally {
            b.jsAsync("var done = arguments[arguments.length - 1]; var ch = new MessageChannel(); ch.port1.onmessage = function () { done(true); };"
                    + " navigator.serviceWorker.controller.postMessage({ type: 'civgeo-network', offline: false }, [ch.port2]);");
        }
    }
}
