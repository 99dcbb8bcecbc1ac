package cn.civgeo.geocode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class GeocoderHealthTest {
    @Test
    void outOfServiceUntilTheGazetteerIsBuilt() {
        GeocodeIndex notBuilt = new GeocodeIndex(null, true);
        var h = new GeocoderHealth(notBuilt).health();
        assertThat(h.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(h.getDetails()).containsEntry("reason", "building the gazetteer");
    }
}
