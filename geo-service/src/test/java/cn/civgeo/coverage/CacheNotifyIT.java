package cn.civgeo.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.common.changes.ChangeBus;
import cn.civgeo.common.jobs.Progress;
import cn.civgeo.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The planner's caches (indicator answers, the site suggestion's reach sets) hear of a change made outside this
 * instance (plain SQL, as another instance, an import or psql would make it: no application event) through the one
 * NOTIFY channel (issue #12). Without their RemoteChange listeners the cached answer would stay until restart.
 */
class CacheNotifyIT extends IntegrationTest {
    @Autowired ChangeBus bus;
    @Autowired IndicatorService indicators;
    @Autowired SuggestionCandidateRepository reach;

    @Test
    void anIndicatorAnswerIsRecomputedAfterTheElderlyOfTheCountyChangeByPlainSql() throws Exception {
        await(bus::isListening, "the change bus listens");
        TestCity c = TestCity.create(jdbc);
        LocalDate today = LocalDate.now();
        double before = elderlyDenominator(indicators.cached(c.countyA, today, false));
        assertThat(before).as("TestCity's elderly under county A").isPositive();
        jdbc.sql("update division set elderly = elderly + 1000 where code = :c").param("c", c.countyA).update();
        await(() -> elderlyDenominator(indicators.cached(c.countyA, today, false)) != before, "the cached answer was dropped");
        assertThat(elderlyDenominator(indicators.cached(c.countyA, today, false))).isEqualTo(before + 1000);
    }

    @Test
    void theSiteSuggestionsReachSetsAreForgottenAfterAFacilityTableChangeByPlainSql() throws Exception {
        await(bus::isListening, "the change bus listens");
        reach.reach("cache-notify-it", List.of("nursing_home"), LocalDate.now(), 100, List.of(), List.of(), Progress.NONE);
        assertThat(reach.size()).isPositive();
        // a statement that changes no row still fires the statement trigger, as every write does
        jdbc.sql("update facility set name = name where false").update();
        await(() -> reach.size() == 0, "the reach sets were forgotten");
    }

    /** The elderly the answer counted: the denominator of beds per 1,000 elderly, in thousands. */
    private static double elderlyDenominator(IndicatorService.DivisionIndicators d) {
        return Math.round(d.indicators().stream().filter(i -> i.code().equals("bedsPer1000Elderly")).findFirst()
                .orElseThrow(() -> new AssertionError("no bedsPer1000Elderly in " + d.indicators())).denominator() * 1000);
    }

    private static void await(BooleanSupplier ok, String what) throws InterruptedException {
        long t0 = System.currentTimeMillis();
        while (!ok.getAsBoolean() && System.currentTimeMillis() - t0 < 30_000) Thread.sleep(100);
        assertThat(ok.getAsBoolean()).as(what + " within 30 s").isTrue();
    }
}
