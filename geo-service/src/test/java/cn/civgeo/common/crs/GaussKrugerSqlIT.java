package cn.civgeo.common.crs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SQL side of the Gauss–Krüger rule (gk_zone, gk_srid, migration V160) agrees with {@link GaussKruger} on every
 * longitude of China at a 0.01° step, the zone edges included, and PostGIS's own EPSG:4513–4533 have the central
 * meridians the zones say (#12: one home per rule, SQL queries use the functions).
 */
class GaussKrugerSqlIT extends IntegrationTest {

    @Test
    void theSqlZoneAndSridAreTheJavaOnes() {
        List<Map<String, Object>> rows = jdbc.sql("""
                select lon, gk_zone(lon) as zone, gk_srid(gk_zone(lon)) as srid
                  from (select (7300 + g) / 100.0::float8 as lon from generate_series(0, 6300) g) l""").query().listOfRows();
        assertThat(rows).hasSize(6301);
        for (Map<String, Object> r : rows) {
            double lon = ((Number) r.get("lon")).doubleValue();
            int zone = ((Number) r.get("zone")).intValue();
            assertThat(zone).as("zone of %s", lon).isEqualTo(GaussKruger.zoneFor(lon));
            Object srid = r.get("srid");
            if (GaussKruger.validZone(zone)) assertThat(((Number) srid).intValue()).as("srid of zone %s", zone).isEqualTo(GaussKruger.srid(zone));
            else assertThat(srid).as("no srid outside zones 25–45").isNull();
        }
        // the edges: 118.5° begins zone 40 in both
        assertThat(jdbc.sql("select gk_zone(118.5)").query(Integer.class).single()).isEqualTo(GaussKruger.zoneFor(118.5)).isEqualTo(40);
        assertThat(jdbc.sql("select gk_zone(118.4999999)").query(Integer.class).single()).isEqualTo(39);
        assertThat(jdbc.sql("select gk_srid(24)").query(Integer.class).optional()).isEmpty();
        // PostGIS's definition of each SRID has the central meridian 3 × zone
        for (int zone = GaussKruger.MIN_ZONE; zone <= GaussKruger.MAX_ZONE; zone++) {
            String proj = jdbc.sql("select proj4text from spatial_ref_sys where srid = gk_srid(:z)").param("z", zone).query(String.class).single();
            assertThat(proj).as("EPSG:%s", GaussKruger.srid(zone)).contains("+lon_0=" + (3 * zone) + " ").contains("+x_0=" + zone + "500000 ");
        }
    }
}
