package cn.civgeo.geocode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    private final Calibration c = new Calibration();

    @Test
    void answerKindIsTheLevelAndTheStrongestEvidence() {
        assertThat(Calibration.kind("building", List.of())).isEqualTo("doorplate:plain");
        assertThat(Calibration.kind("county", List.of("former name: 南汇区 is now 浦东新区"))).isEqualTo("county:former");
        assertThat(Calibration.kind("doorplate", List.of("area bias: read within 厦门市 (350200)", "typo: x read as y")))
                .isEqualTo("doorplate:bias");
        assertThat(Calibration.kind("county", List.of("pinyin: Xiamen Siming read as 厦门市思明区"))).isEqualTo("county:pinyin");
    }

    @Test
    void fittedTableIsMonotoneBoundedAndLeavesUnknownKindsAlone() {
        assertThat(c.apply("no-such-kind:plain", 0.42)).isEqualTo(0.42);
        for (String kind : List.of("village:plain", "township:plain", "county:plain", "doorplate:plain", "prefecture:plain")) {
            double prev = -1;
            for (double raw = 0; raw <= 1.0001; raw += 0.01) {
                double v = c.apply(kind, raw);
                assertThat(v).as(kind + " at " + raw).isBetween(0.0, 1.0).isLessThanOrEqualTo(raw + Calibration.MAX_RAISE + 1e-9);
                assertThat(v).as(kind + " monotone at " + raw).isGreaterThanOrEqualTo(prev - 1e-9);
                prev = v;
            }
        }
        // a poor answer stays poor: no step lifts raw 0.3 to a confident answer
        assertThat(c.apply("village:plain", 0.3)).isLessThan(0.8);
    }
}
