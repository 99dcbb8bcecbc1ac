package cn.civgeo.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The web map's page with its scripts and style sheets bundled: one request for all CSS and one for all JS instead
 * of eighteen (a browser opens at most six HTTP/1.1 connections per host, so the files used to load in waves).
 *
 * <p>{@code index.html} (from the web-map module, {@code META-INF/resources}) lists its files between
 * {@code <!-- bundle:css -->} / {@code <!-- bundle:js -->} and {@code <!-- /bundle -->}. Each block is replaced by
 * one tag pointing at {@code /map-assets/app-<hash>.css|js}, whose content is the listed files concatenated in order
 * (relative {@code url(...)} in CSS rewritten to absolute paths), named by a hash of its content so it can be cached
 * for a year. A page without the markers is served as it is. The files stay available one by one for development.
 * A block holding one {@code <script type="module">} is the esbuild entry with its chunks instead ({@link #module}).
 */
@Component
class MapAssets {
    static final String PREFIX = "/map-assets/";
    static final String CONFIG_MARKER = "<!-- map-config -->";
    private static final Pattern BLOCK = Pattern.compile("<!-- bundle:(css|js) -->(.*?)<!-- /bundle -->", Pattern.DOTALL);
    private static final Pattern CSS_HREF = Pattern.compile("<link\\s[^>]*href=\"([^\"]+)\"[^>]*>");
    private static final Pattern JS_SRC = Pattern.compile("<script\\s[^>]*src=\"([^\"]+)\"[^>]*>\\s*</script>");
    private static final Pattern MODULE_SRC = Pattern.compile("<script\\s[^>]*type=\"module\"[^>]*src=\"([^\"]+)\"[^>]*>\\s*</script>");
    private static final String JS = "text/javascript;charset=UTF-8";
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]+)\\1\\s*\\)");

    /** A bundle: its name under {@link #PREFIX}, media type, bytes, gzip-compressed bytes and content hash. */
    record Asset(String name, String contentType, byte[] bytes, byte[] gzip, String hash) {}

    private volatile Loaded loaded;

    private record Loaded(String html, List<Asset> assets) {}

    /** The page's HTML (null when the web map is not on the classpath), bundles in place. */
    String html() {
        Loaded l = load();
        return l == null ? null : l.html();
    }

    List<Asset> assets() {
        Loaded l = load();
        return l == null ? List.of() : l.assets();
    }

    /**
     * The service worker ({@code sw.js}, web-map/build.mjs) with this build's version written in front of it: a hash
     * of the page as served (which names every bundle and chunk by its content hash). A deploy thus changes the
     * worker's bytes, so the browser installs the new worker on the next visit (it then drops the old page cache).
     * Null when the web map is not on the classpath.
     */
    String serviceWorker() {
        Loaded l = load();
        String sw = text("sw.js");
        return l == null || sw == null ? null : serviceWorker(sw, version(l.html()));
    }

    /** The build's version: a hash of the page with its bundle names. */
    static String version(String html) {
        return hash(html.getBytes(StandardCharsets.UTF_8));
    }

    static String serviceWorker(String script, String version) {
        return "self.CIVGEO_BUILD=\"" + version + "\";\n" + script;
    }

    Asset asset(String name) {
        for (Asset a : assets()) if (a.name().equals(name)) return a;
        return null;
    }

    private Loaded load() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) loaded = l = build();
            }
        }
        return l;
    }

    /**
     * Serves the page as a new build would be served (tests of the service worker's update only; null: the build on the
     * classpath again): the page gets a comment naming the build, so its version, and so the worker's bytes, change as
     * on a deploy. Package-private and unused by the application.
     */
    synchronized void redeployForTest(String build) {
        loaded = build(build);
    }

    private static Loaded build() {
        return build(null);
    }

    private static Loaded build(String deployed) {
        String page = text("index.html");
        if (page == null) return null;
        if (deployed != null) page = page.replaceFirst("</head>", "<!-- build " + deployed.replaceAll("[^\\w.-]", "") + " -->\n</head>");
        List<Asset> assets = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        Matcher m = BLOCK.matcher(page);
        int last = 0;
        while (m.find()) {
            out.append(page, last, m.start());
            boolean css = m.group(1).equals("css");
            Matcher module = MODULE_SRC.matcher(m.group(2));
            if (!css && module.find()) {
                out.append(module(module.group(1), assets));
                last = m.end();
                continue;
            }
            List<String> paths = new ArrayList<>();
            Matcher tag = (css ? CSS_HREF : JS_SRC).matcher(m.group(2));
            while (tag.find()) paths.add(tag.group(1));
            StringBuilder content = new StringBuilder(256 * 1024);
            for (String p : paths) {
                String file = text(p);
                if (file == null) throw new IllegalStateException("index.html lists " + p + ", which is not on the classpath");
                content.append("/* ").append(p).append(" */\n").append(css ? absoluteUrls(file, p) : file);
                content.append(css ? "\n" : "\n;\n");
            }
            byte[] bytes = content.toString().getBytes(StandardCharsets.UTF_8);
            String hash = hash(bytes);
            Asset a = new Asset("app-" + hash + (css ? ".css" : ".js"), css ? "text/css;charset=UTF-8" : "text/javascript;charset=UTF-8",
                    bytes, gzip(bytes), hash);
            assets.add(a);
            out.append(css ? "<link rel=\"stylesheet\" href=\"" + PREFIX + a.name() + "\">"
                    : "<script src=\"" + PREFIX + a.name() + "\"></script>");
            last = m.end();
        }
        out.append(page.substring(last));
        return new Loaded(out.toString(), List.copyOf(assets));
    }

    /**
     * An ES module entry built with code splitting (web-map/build.mjs): the entry served as {@code app-<hash>.js}, each
     * chunk named in {@code assets.json} beside it under its own (content-hashed) name, so the entry's relative
     * {@code import("./x-<hash>.js")} finds it under {@link #PREFIX}. The tag written: one {@code modulepreload} link
     * per chunk the entry imports (they come in the same wave as the entry), the module script, and on it
     * {@code data-chunks}: every chunk, which the service worker and a field package keep for offline use.
     */
    private static String module(String src, List<Asset> assets) {
        String dir = src.substring(0, src.lastIndexOf('/') + 1);
        String entry = text(src), manifest = text(dir + "assets.json");
        if (entry == null) throw new IllegalStateException("index.html lists " + src + ", which is not on the classpath");
        if (manifest == null) throw new IllegalStateException(dir + "assets.json (web-map/build.mjs) is not on the classpath");
        byte[] bytes = ("/* " + src + " */\n" + entry).getBytes(StandardCharsets.UTF_8);
        String hash = hash(bytes);
        Asset a = new Asset("app-" + hash + ".js", JS, bytes, gzip(bytes), hash);
        assets.add(a);
        StringBuilder tags = new StringBuilder();
        List<String> all = new ArrayList<>();
        for (String kind : List.of("startup", "lazy")) {
            for (String name : names(manifest, kind)) {
                String file = text(dir + name);
                if (file == null) throw new IllegalStateException(dir + "assets.json names " + name + ", which is not on the classpath");
                byte[] b = file.getBytes(StandardCharsets.UTF_8);
                assets.add(new Asset(name, JS, b, gzip(b), hash(b)));
                all.add(PREFIX + name);
                if (kind.equals("startup")) tags.append("<link rel=\"modulepreload\" href=\"").append(PREFIX).append(name).append("\">\n  ");
            }
        }
        return tags + "<script type=\"module\" src=\"" + PREFIX + a.name() + "\" data-chunks=\"" + String.join(" ", all) + "\"></script>";
    }

    /** The file names listed under {@code "kind": [...]} in assets.json (chunk names: letters, digits, . _ -). */
    static List<String> names(String manifest, String kind) {
        Matcher list = Pattern.compile("\"" + kind + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(manifest);
        List<String> names = new ArrayList<>();
        if (!list.find()) return names;
        Matcher n = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
        while (n.find()) {
            if (!n.group(1).matches("[A-Za-z0-9._-]+\\.js")) throw new IllegalStateException("assets.json: chunk name " + n.group(1));
            names.add(n.group(1));
        }
        return names;
    }

    /** CSS {@code url(x)} relative to the file's own path made absolute (data:, #fragments and absolute URLs kept). */
    static String absoluteUrls(String css, String path) {
        URI base = URI.create(path.startsWith("/") ? path : "/" + path);
        Matcher m = CSS_URL.matcher(css);
        StringBuilder sb = new StringBuilder(css.length() + 256);
        while (m.find()) {
            String u = m.group(2).trim();
            boolean keep = u.startsWith("/") || u.startsWith("#") || u.startsWith("data:") || u.contains("://");
            String to = keep ? m.group(0) : "url(" + m.group(1) + base.resolve(u) + m.group(1) + ")";
            m.appendReplacement(sb, Matcher.quoteReplacement(to));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String text(String path) {
        ClassPathResource r = new ClassPathResource("META-INF/resources/" + (path.startsWith("/") ? path.substring(1) : path));
        if (!r.exists()) return null;
        try (InputStream in = r.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gzip at the best compression: done once per asset at start-up, the bytes every page load saves (as the build measures them). */
    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream bo = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream gz = new GZIPOutputStream(bo) {
            { def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION); }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bo.toByteArray();
    }
}
