package cn.civgeo.geocode;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.common.crs.Crs;
import cn.civgeo.placename.PlaceNameFixtures;
import cn.civgeo.placename.PlaceNameTestData;
import cn.civgeo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The in-memory nearby index against the database: the same nearest address and place names as PostGIS geography
 * distances give, and writes answered at once (the index steps aside until it is rebuilt).
 */
class NearbyIndexIT extends IntegrationTest {
    @Autowired
    ApplicationContext ctx;
    @Autowired
    GeocodeIndex index;
    @Autowired
    NearbyIndex nearby;
    @Autowired
    GeocodeService service;

    @BeforeEach
    void data() {
        PlaceNameFixtures.ensureDemo(ctx);
        PlaceNameTestData.ensureDivisions(jdbc);
        index.refreshIfChanged();
    }

    @Test
    void inMemoryAnswersAreTheDatabaseAnswers() {
        nearby.rebuild();
        assertThat(nearby.fresh()).as("the index matches the tables right after a build").isNotNull();
        double[] ext = jdbc.sql("""
                select st_xmin(e), st_ymin(e), st_xmax(e), st_ymax(e) from (select st_extent(geom) e from address where source = 'demo') q""")
                .query((rs, i) -> new double[]{rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)}).single();
        Random r = new Random(20261129);
        List<GeocodeService.ReversePoint> points = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double lon = ext[0] + r.nextDouble() * (ext[2] - ext[0]), lat = ext[1] + r.nextDouble() * (ext[3] - ext[1]);
            points.add(new GeocodeService.ReversePoint(lon, lat, lon, lat));
        }
        List<GeocodeModels.Reverse> answers = service.reverseMany(points, Crs.parse(null), 300, 3);
        int withAddress = 0, withNames = 0;
        for (int i = 0; i < points.size(); i++) {
            GeocodeService.ReversePoint p = points.get(i);
            GeocodeModels.Reverse a = answers.get(i);
            List<Map<String, Object>> rows = jdbc.sql("""
                    select a.code, st_distance(a.geom::geography, p::geography) d
                      from address a, st_setsrid(st_point(:x, :y), 4490) p
                     where a.status = 'active' and a.geom && st_expand(p, 0.004) and st_dwithin(a.geom::geography, p::geography, 300)
                     order by d, a.id limit 1""").param("x", p.lon()).param("y", p.lat()).query().listOfRows();
            if (rows.isEmpty()) {
                assertThat(a.nearestAddress()).as("no address within 300 m of %s", p).isNull();
            } else {
                withAddress++;
                assertThat(a.nearestAddress()).as("an address near %s", p).isNotNull();
                double d = ((Number) rows.get(0).get("d")).doubleValue();
                assertThat(a.nearestAddress().distanceM()).as("distance at %s", p).isCloseTo(d, Offset.offset(0.11));
                if (!a.nearestAddress().id().equals(rows.get(0).get("code"))) {
                    // only a tie within rounding may pick another doorplate
                    assertThat(a.nearestAddress().distanceM()).isCloseTo(d, Offset.offset(0.01));
                }
            }
            List<Map<String, Object>> names = jdbc.sql("""
                    select coalesce(n.code, n.id::text) code, st_distance(n.geom::geography, p::geography) d
                      from place_name n, st_setsrid(st_point(:x, :y), 4490) p
                     where n.status = 'approved' and n.geom && st_expand(p, 0.004) and st_dwithin(n.geom::geography, p::geography, 300)
                     order by d, n.id limit 3""").param("x", p.lon()).param("y", p.lat()).query().listOfRows();
            assertThat(a.placeNames()).as("place names near %s", p).hasSize(names.size());
            for (int k = 0; k < names.size(); k++) {
                assertThat(a.placeNames().get(k).distanceM()).as("place name %d at %s", k, p)
                        .isCloseTo(((Number) names.get(k).get("d")).doubleValue(), Offset.offset(0.2));
            }
            if (!names.isEmpty()) withNames++;
        }
        assertThat(withAddress).as("points with an address within 300 m").isGreaterThan(50);
        assertThat(withNames).as("points with a place name within 300 m").isGreaterThan(50);
    }

    @Test
    void aNewOrRetiredAddressIsAnsweredAtOnce() {
        nearby.rebuild();
        String name = PlaceNameTestData.uniqueSpecific() + "路";
        double y = 30.07 + new Random().nextInt(2000) / 100_000.0;
        long roadId = PlaceNameTestData.approvedRoad((path, body) -> post(path, "admin-t", body), json, name, y);

        Response a = post("/api/addresses", "surveyor-t", Map.of("roadId", roadId, "number", 7, "lon", 100.0531, "lat", y + 0.0002));
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        String code = a.json().get("code").asString();
        String at = "/api/reverse?radius=50&lon=100.0531&lat=" + (y + 0.0002);
        JsonNode r = get(at).json();
        assertThat(r.get("nearestAddress").get("id").asString()).as(r.toString()).isEqualTo(code);
        assertThat(r.get("nearestAddress").get("distanceM").asDouble()).isZero();
        assertThat(r.get("placeNames").get(0).get("name").asString()).isEqualTo(name);
        assertThat(r.get("placeNames").get(0).get("distanceM").asDouble()).isCloseTo(22.2, Offset.offset(0.2));

        Response retired = post("/api/addresses/" + a.json().get("id").asLong() + "/retire", "surveyor-t", Map.of("version", 0));
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        JsonNode after = get(at).json();
        assertThat(after.path("nearestAddress").path("id").toString()).as(after.toString()).doesNotContain(code);

        nearby.rebuild();
        assertThat(nearby.fresh()).isNotNull();
        JsonNode rebuilt = get(at).json();
        assertThat(rebuilt.path("nearestAddress").path("id").toString()).as(rebuilt.toString()).doesNotContain(code);
        assertThat(rebuilt.get("placeNames").get(0).get("name").asString()).isEqualTo(name);
    }

    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager tx;

    /**
     * The index as production runs it (the test profile turns eager rebuilds off: every address or place-name write of
     * the suite would reload tens of thousands of rows): a change signal of address or place_name rebuilds it without a
     * read; another table's does not; with rebuilds off, a signal changes nothing and the next read finds it stale.
     */
    @Test
    void aChangeSignalOfAddressesOrPlaceNamesRebuildsTheIndexWithoutARead() throws Exception {
        NearbyIndex eager = new NearbyIndex(new NearbyRepository(dataSource), tx, true);
        NearbyIndex lazy = new NearbyIndex(new NearbyRepository(dataSource), tx, false);
        eager.rebuild();
        lazy.rebuild();
        NearbyIndex.Snapshot first = eager.current();

        // a write elsewhere (a statement on the table fires its change trigger: counter and NOTIFY), as RemoteChange
        jdbc.sql("update address set status = status where false").update();
        eager.changedElsewhere(new cn.civgeo.common.changes.RemoteChange("address"));
        NearbyIndex.Snapshot second = awaitNewer(eager, first);
        assertThat(second.changes()).isGreaterThan(first.changes());

        // another table's signal: nothing to rebuild
        eager.changedElsewhere(new cn.civgeo.common.changes.RemoteChange("facility"));
        Thread.sleep(500);
        assertThat(eager.current()).isSameAs(second);

        // a place name written through this instance's service, as its after-commit event
        jdbc.sql("update place_name set status = status where false").update();
        eager.placeNamesChanged(cn.civgeo.placename.PlaceNameChangedEvent.of(1));
        assertThat(awaitNewer(eager, second).changes()).isGreaterThan(second.changes());

        // rebuilds off: the signal is ignored and the stale copy is not served
        NearbyIndex.Snapshot lazyFirst = lazy.current();
        lazy.addressesChanged(cn.civgeo.address.AddressChangedEvent.of(1));
        Thread.sleep(500);
        assertThat(lazy.current()).isSameAs(lazyFirst);
        assertThat(lazy.fresh()).as("stale copy not served").isNull();
    }

    private static NearbyIndex.Snapshot awaitNewer(NearbyIndex index, NearbyIndex.Snapshot than) throws InterruptedException {
        long t0 = System.currentTimeMillis();
        while (index.current() == than && System.currentTimeMillis() - t0 < 60_000) Thread.sleep(100);
        assertThat(index.current()).as("rebuilt within 60 s").isNotSameAs(than);
        return index.current();
    }
}
