package cn.civgeo.common.crs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GaussKrugerTest {
    @Test
    void zonesAndSrids() {
        assertThat(GaussKruger.zoneFor(118.1)).isEqualTo(39);   // Xiamen: central meridian 117
        assertThat(GaussKruger.zoneFor(118.49)).isEqualTo(39);
        assertThat(GaussKruger.zoneFor(118.51)).isEqualTo(40);
        assertThat(GaussKruger.srid(25)).isEqualTo(4513);
        assertThat(GaussKruger.srid(39)).isEqualTo(4527);
        assertThat(GaussKruger.srid(45)).isEqualTo(4533);
        // and back, with and without the zone prefix on the easting
        assertThat(GaussKruger.zoneOfSrid(4513)).isEqualTo(25);
        assertThat(GaussKruger.zoneOfSrid(4527)).isEqualTo(39);
        assertThat(GaussKruger.zoneOfSrid(4548)).isEqualTo(39);
        assertThat(GaussKruger.zoneOfSrid(4554)).isEqualTo(45);
        assertThat(GaussKruger.zoneOfSrid(4490)).isEqualTo(-1);
        assertThat(GaussKruger.zoneOfSrid(4555)).isEqualTo(-1);
    }

    @Test
    void surveyedPairsAreChecked() {
        assertThat(GaussKruger.problem(2_710_000.0, 39_612_345.678, 39)).isNull();
        assertThat(GaussKruger.problem(2_710_000.0, 39_612_345.678, 40)).contains("zone prefix 40");
        assertThat(GaussKruger.problem(2_710_000.0, 39_612_345.678, 52)).contains("not a CGCS2000");
        assertThat(GaussKruger.problem(39_612_345.678, 2_710_000.0, 39)).contains("swapped");
        assertThat(GaussKruger.problem(2_710_000.0, 39_012_345.0, 39)).contains("outside zone");
    }
}
