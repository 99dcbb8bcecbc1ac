package cn.civgeo.ogc;

import static cn.civgeo.support.Tiles.tileOf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.division.DivisionFixtures;
import cn.civgeo.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** TileJSON per tileset, MVT feature ids and GeoJSON property names, gzip on request, anonymous HEAD. */
class TileJsonIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;

    @BeforeEach
    void data() { DivisionFixtures.ensureDemoCity(ctx); }


    @Test
    void tileJsonDescribesTheTilesetAndItsFields() {
        JsonNode t = get("/api/map/tiles/divisions/tilejson.json").json();
        assertThat(t.get("tilejson").asString()).isEqualTo("3.0.0");
        assertThat(t.get("tiles").get(0).asString()).endsWith("/api/map/tiles/divisions/{z}/{x}/{y}.mvt");
        assertThat(t.get("minzoom").asInt()).isZero();
        assertThat(t.get("maxzoom").asInt()).isEqualTo(22);
        assertThat(t.get("bounds").size()).isEqualTo(4);
        assertThat(t.get("bounds").get(0).asDouble()).isLessThan(t.get("bounds").get(2).asDouble());
        JsonNode vl = t.get("vector_layers").get(0);
        assertThat(vl.get("id").asString()).isEqualTo("divisions");
        // the same names as the GeoJSON properties of the OGC collection
        JsonNode props = get("/api/ogc/collections/divisions-county/items?limit=1").json().get("features").get(0).get("properties");
        vl.get("fields").propertyNames().forEach(f -> assertThat(props.has(f)).as(f).isTrue());
        assertThat(get("/api/map/tiles/division-labels/tilejson.json").status()).isEqualTo(404);
    }

    @Test
    void tilesCarryFeatureIdsAndAreGzippedWhenAsked() throws IOException {
        double[] p = DivisionFixtures.pointIn(jdbc, DivisionFixtures.SIMING);
        int[] t = tileOf(p[0], p[1], 10);
        String path = "/api/map/tiles/divisions/10/" + t[0] + "/" + t[1] + ".mvt?level=3";
        Response plain = get(path);
        List<Long> ids = featureIds(plain.raw().body());
        assertThat(ids).contains(Long.parseLong(DivisionFixtures.SIMING));
        String body = new String(plain.raw().body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).contains("shortName").contains("parentCode").doesNotContain("short_name");

        // a village tile is several KB (Boot compresses answers from 2 KB up)
        int[] v = tileOf(p[0], p[1], 11);
        String villages = "/api/map/tiles/divisions/11/" + v[0] + "/" + v[1] + ".mvt?level=5";
        Response big = get(villages);
        assertThat(big.raw().body().length).isGreaterThan(2048);
        Response gz = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + villages)).header("Accept-Encoding", "gzip"));
        assertThat(gz.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gz.raw().body().length).isLessThan(big.raw().body().length);
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gz.raw().body())).readAllBytes();
        assertThat(unzipped).isEqualTo(big.raw().body());

        Response head = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("ETag")).isEqualTo(plain.header("ETag"));
    }

    /** The feature ids of an MVT (protobuf: Tile.layers = 3, Layer.features = 2, Feature.id = 1). */
    static List<Long> featureIds(byte[] tile) {
        List<Long> out = new ArrayList<>();
        Pb t = new Pb(tile, 0, tile.length);
        while (t.more()) {
            int key = (int) t.varint();
            if (key >> 3 == 3 && (key & 7) == 2) {
                Pb layer = t.sub();
                while (layer.more()) {
                    int k = (int) layer.varint();
                    if (k >> 3 == 2 && (k & 7) == 2) {
                        Pb f = layer.sub();
                        while (f.more()) {
                            int fk = (int) f.varint();
                            if (fk >> 3 == 1 && (fk & 7) == 0) out.add(f.varint());
                            else f.skip(fk & 7);
                        }
                    } else {
                        layer.skip(k & 7);
                    }
                }
            } else {
                t.skip(key & 7);
            }
        }
        return out;
    }

    static final class Pb {
        final byte[] b;
        int i;
        final int end;

        Pb(byte[] b, int i, int end) {
            this.b = b;
            this.i = i;
            this.end = end;
        }

        boolean more() { return i < end; }

        long varint() {
            long v = 0;
            for (int s = 0; ; s += 7) {
                byte x = b[i++];
                v |= (long) (x & 0x7f) << s;
                if (x >= 0) return v;
            }
        }

        Pb sub() {
            int n = (int) varint();
            Pb p = new Pb(b, i, i + n);
            i += n;
            return p;
        }

        void skip(int wire) {
            switch (wire) {
                case 0 -> varint();
                case 1 -> i += 8;
                case 2 -> {
                    int n = (int) varint(); // read the length first: "i += varint()" would add it to the old i
                    i += n;
                }
                case 5 -> i += 4;
                default -> throw new IllegalStateException("wire type " + wire);
            }
        }
    }
}
