package cn.civgeo.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Each export format opened by ogrinfo: feature count, CRS and text encoding as the service promises. */
class OgcExportIT extends IntegrationTest {
    static final String PATH = "/api/ogc/collections/divisions-county/export?format=";
    @Autowired
    ApplicationContext ctx;
    @TempDir
    Path dir;

    @BeforeEach
    void data() { DivisionFixtures.ensureDemoCity(ctx); }

    private long counties() {
        return get("/api/ogc/collections/divisions-county/items?limit=1").json().get("numberMatched").asLong();
    }

    private Path download(String format, String file) throws IOException {
        Response r = get(PATH + format);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Disposition")).contains("attachment");
        Path p = dir.resolve(file);
        Files.write(p, r.raw().body());
        return p;
    }

    private Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                out.put(e.getName(), z.readAllBytes());
                Files.write(dir.resolve(e.getName()), out.get(e.getName()));
            }
        }
        return out;
    }

    private static String ogrinfo(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("ogrinfo", "-ro"));
        cmd.addAll(List.of(args));
        OgcClientsIT.Run r = OgcClientsIT.run(cmd);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void geoPackageAndFlatGeobufDeclareCgcs2000() throws IOException {
        for (String[] f : new String[][] {{"gpkg", "c.gpkg"}, {"fgb", "c.fgb"}}) {
            String info = ogrinfo("-so", "-al", download(f[0], f[1]).toString());
            assertThat(info).as(f[0]).contains("Feature Count: " + counties()).contains("ID[\"EPSG\",4490]")
                    .contains("Multi Polygon");
            assertThat(ogrinfo("-al", "-q", "-where", "code = '" + DivisionFixtures.SIMING + "'", dir.resolve(f[1]).toString()))
                    .contains("name (String) = 思明区");
        }
    }

    @Test
    void shapefileZipHasPrjAndCpgInUtf8OrGbk() throws IOException {
        Map<String, byte[]> utf8 = unzip(download("shp", "u.zip"));
        assertThat(utf8.keySet()).contains("divisions_county.shp", "divisions_county.shx", "divisions_county.dbf",
                "divisions_county.prj", "divisions_county.cpg");
        assertThat(new String(utf8.get("divisions_county.cpg"), StandardCharsets.US_ASCII).strip()).isEqualTo("UTF-8");
        assertThat(new String(utf8.get("divisions_county.prj"), StandardCharsets.US_ASCII)).contains("GCS_China_Geodetic_Coordinate_System_2000");
        assertThat(indexOf(utf8.get("divisions_county.dbf"), "思明区".getBytes(StandardCharsets.UTF_8))).isPositive();
        String shp = dir.resolve("divisions_county.shp").toString();
        assertThat(ogrinfo("-so", "-al", shp)).contains("Feature Count: " + counties());

        Response gbk = get(PATH + "shp&encoding=GBK");
        Files.write(dir.resolve("g.zip"), gbk.raw().body());
        Map<String, byte[]> g = unzip(dir.resolve("g.zip"));
        assertThat(new String(g.get("divisions_county.cpg"), StandardCharsets.US_ASCII).strip()).containsAnyOf("936", "GBK");
        assertThat(indexOf(g.get("divisions_county.dbf"), "思明区".getBytes(Charset.forName("GBK")))).isPositive();
        assertThat(indexOf(g.get("divisions_county.dbf"), "思明区".getBytes(StandardCharsets.UTF_8))).isNegative();
        assertThat(ogrinfo("-al", "-q", "-where", "code = '" + DivisionFixtures.SIMING + "'", shp)).contains("思明区");
    }

    @Test
    void kmzIsWgs84AndDxfIsInTheGaussKrugerZone() throws IOException {
        String kmz = ogrinfo("-so", "-al", download("kmz", "c.kmz").toString());
        assertThat(kmz).contains("Feature Count: " + counties()).contains("WGS 84");
        // the demo city only (the test database also holds synthetic test counties far to the west)
        Map<String, byte[]> dxf = unzip(download("dxf&bbox=117.9,24.3,118.5,25.0", "d.zip"));
        long xiamen = get("/api/ogc/collections/divisions-county/items?limit=1&bbox=117.9,24.3,118.5,25.0").json()
                .get("numberMatched").asLong();
        assertThat(new String(dxf.get("divisions_county.prj"), StandardCharsets.US_ASCII)).contains("CGCS2000_3_Degree_GK_Zone_39");
        String info = ogrinfo("-so", "-al", dir.resolve("divisions_county.dxf").toString());
        // DXF has no multipolygon: GDAL writes one entity per polygon (Xiamen's real districts have islands)
        long polygons = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                select coalesce(sum(ST_NumGeometries(geom)), 0) from division_read
                 where level = 3 and status = 'active' and geom && ST_MakeEnvelope(117.9, 24.3, 118.5, 25.0, 4490)""")
                .query(Long.class).single();
        assertThat(polygons).isGreaterThanOrEqualTo(xiamen);
        // Xiamen (117.9–118.4°E) in zone 39 (117°E) with the zone prefix: eastings 39 5xx xxx–39 6xx xxx m, northings 2 6xx–2 7xx xxx m
        assertThat(info).contains("Feature Count: " + polygons)
                .containsPattern("Extent: \\(39[56]\\d{5}\\.\\d+, 2[67]\\d{5}\\.\\d+\\) - \\(39[56]\\d{5}\\.\\d+, 2[67]\\d{5}\\.\\d+\\)");
    }

    @Test
    void xlsxKeepsCodesAsTextAndBadRequestsAre400() throws IOException {
        String info = ogrinfo("-al", download("xlsx", "c.xlsx").toString());
        assertThat(info).contains("Feature Count: " + counties()).contains("code: String").contains("code (String) = " + DivisionFixtures.SIMING);
        assertThat(get(PATH + "png").status()).isEqualTo(400);
        assertThat(get(PATH + "gpkg&encoding=GBK").json().get("errors").get(0).get("field").asString()).isEqualTo("encoding");
        assertThat(get("/api/ogc/collections/divisions-county/export").status()).isEqualTo(400);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
