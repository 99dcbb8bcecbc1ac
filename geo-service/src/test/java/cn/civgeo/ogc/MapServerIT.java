package cn.civgeo.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The generated mapfile served by Debian's MapServer 8 (mapserv run as a CGI from the command line, QUERY_STRING in
 * the environment, no web server): WMS 1.3.0 GetCapabilities lists every layer, GetMap draws the demo city, also
 * with the generated SLD applied.
 */
class MapServerIT extends IntegrationTest {
    // the demo city (Xiamen) in EPSG:4490 axis order: lat, lon
    static final String BBOX = "24.38,117.99,24.90,118.38";
    @Autowired
    ApplicationContext ctx;
    @TempDir
    Path dir;

    @BeforeEach
    void data() { OgcFixtures.ensureDemo(ctx); }

    private Path mapfile() throws IOException {
        assertThat(get("/api/ogc/publish/mapfile").status()).isEqualTo(401);
        Response r = get("/api/ogc/publish/mapfile", "admin-t");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Path map = dir.resolve("civgeo.map");
        Files.writeString(map, r.body());
        Files.writeString(dir.resolve("mapserver.conf"), "CONFIG\n  ENV\n    MS_MAP_PATTERN \"\\\\.map$\"\n  END\nEND\n");
        return map;
    }

    private byte[] mapserv(String query) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("mapserv", "-nh").redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("MAPSERVER_CONFIG_FILE", dir.resolve("mapserver.conf").toString());
        pb.environment().put("REQUEST_METHOD", "GET");
        pb.environment().put("QUERY_STRING", query);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** The response body after the CGI headers (mapserv -nh still prints Content-Type for images). */
    private static byte[] body(byte[] cgi) {
        for (int i = 0; i + 3 < cgi.length; i++) {
            if (cgi[i] == '\r' && cgi[i + 1] == '\n' && cgi[i + 2] == '\r' && cgi[i + 3] == '\n') return Arrays.copyOfRange(cgi, i + 4, cgi.length);
        }
        return cgi;
    }

    private static int countNear(BufferedImage img, int r, int g, int b) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                if (Math.abs(((c >> 16) & 255) - r) <= 8 && Math.abs(((c >> 8) & 255) - g) <= 8 && Math.abs((c & 255) - b) <= 8) n++;
            }
        }
        return n;
    }

    private BufferedImage getMap(Path map, String layer, String extra) throws Exception {
        byte[] png = body(mapserv("map=" + map + "&SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=" + layer + "&STYLES="
                + "&CRS=EPSG:4490&BBOX=" + BBOX + "&WIDTH=300&HEIGHT=300&FORMAT=image/png&TRANSPARENT=FALSE" + extra));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img).as(new String(png, StandardCharsets.UTF_8)).isNotNull();
        return img;
    }

    @Test
    void getCapabilitiesListsEveryLayerAndGetMapDrawsTheDemoCity() throws Exception {
        Path map = mapfile();
        String caps = new String(mapserv("map=" + map + "&SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"), StandardCharsets.UTF_8);
        assertThat(caps).contains("<WMS_Capabilities").contains("version=\"1.3.0\"");
        List<String> ids = get("/api/ogc/collections").json().get("collections").findValuesAsString("id");
        assertThat(ids).hasSizeGreaterThanOrEqualTo(20);
        for (String id : ids) assertThat(caps).as(id).contains("<Name>" + id + "</Name>");

        BufferedImage img = getMap(map, "divisions-county,boundary-lines,facilities-nursing-home", "");
        int white = countNear(img, 255, 255, 255);
        assertThat(white).as("the city is drawn").isLessThan(300 * 300 / 2);
        // the counties' fill: #cfe8c3 at 60 % over white
        assertThat(countNear(img, 226, 241, 219)).isGreaterThan(300 * 300 / 5);
        assertThat(countNear(img, 192, 57, 43)).as("nursing homes, #c0392b").isPositive();
    }

    @Test
    void theGeneratedSldIsApplied() throws Exception {
        Path map = mapfile();
        Response r = get("/api/ogc/styles/divisions-county");
        assertThat(r.contentType()).startsWith("application/vnd.ogc.sld+xml");
        String sld = r.body();
        assertThat(sld).contains("<StyledLayerDescriptor version=\"1.0.0\"").contains("<Name>divisions-county</Name>")
                .contains("<CssParameter name=\"fill\">#cfe8c3</CssParameter>");
        BufferedImage styled = getMap(map, "divisions-county", "&SLD_BODY=" + URLEncoder.encode(sld, StandardCharsets.UTF_8));
        assertThat(countNear(styled, 226, 241, 219)).isGreaterThan(300 * 300 / 5);
        // the same SLD with another fill: MapServer really draws from the SLD
        String red = sld.replace("#cfe8c3", "#ff0000").replace("<CssParameter name=\"fill-opacity\">0.6<", "<CssParameter name=\"fill-opacity\">1.0<");
        BufferedImage redMap = getMap(map, "divisions-county", "&SLD_BODY=" + URLEncoder.encode(red, StandardCharsets.UTF_8));
        assertThat(countNear(redMap, 255, 0, 0)).isGreaterThan(300 * 300 / 5);
        assertThat(countNear(redMap, 226, 241, 219)).isLessThan(100);
    }
}
