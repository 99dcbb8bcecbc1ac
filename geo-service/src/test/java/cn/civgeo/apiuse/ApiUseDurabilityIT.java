package cn.civgeo.apiuse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What survives of the API-use counts per the stated bound (flush every civgeo.api-use.flush-ms, default 1 s, and at a
 * graceful shutdown): a graceful close keeps every count; a crash (the writer stopped without its last flush, as kill -9
 * would) keeps every count of an earlier interval and loses exactly the counts not yet written, which are only those
 * of the last interval. Each test uses a service instance of its own with a caller name of its own.
 */
class ApiUseDurabilityIT extends IntegrationTest {

    private long stored(String client) {
        return jdbc.sql("select coalesce(sum(requests), 0) from api_code_use where client = :c and day = :d")
                .param("c", client).param("d", LocalDate.now(ZoneOffset.UTC)).query(Long.class).single();
    }

    @Test
    void aGracefulCloseWritesEveryCount() {
        ApiUseService s = new ApiUseService(new ApiUseRepository(jdbc), 60_000); // no periodic flush during the test
        String client = unique("graceful");
        for (int i = 0; i < 7; i++) s.count(client, List.of("350203", "350203001"));
        assertThat(stored(client)).isZero();
        s.stop(); // what Spring calls when the context closes
        assertThat(stored(client)).isEqualTo(14);
    }

    @Test
    void aCrashLosesOnlyTheCountsOfTheLastIntervalAndKeepsEveryEarlierOne() throws InterruptedException {
        ApiUseService s = new ApiUseService(new ApiUseRepository(jdbc), 1000);
        assertThat(s.flushMs()).isEqualTo(1000);
        String client = unique("crash");
        for (int i = 0; i < 5; i++) s.count(client, List.of("350203"));
        // the periodic writer stores them within the bound (one interval; the deadline leaves room for a loaded machine)
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (stored(client) < 5 && System.nanoTime() < deadline) Thread.sleep(50);
        assertThat(stored(client)).isEqualTo(5);
        assertThat(s.pending()).isZero();
        // two more requests, then the process dies before its next flush
        s.count(client, List.of("350203"));
        s.count(client, List.of("350203"));
        long lost = s.halt();
        // survivors + lost = all counted; what was lost had not been written yet (at most the last interval's two)
        assertThat(stored(client) + lost).isEqualTo(7);
        assertThat(lost).isBetween(0L, 2L);
        assertThat(stored(client)).isGreaterThanOrEqualTo(5);
        // nothing more arrives after the crash
        Thread.sleep(1500);
        assertThat(stored(client) + lost).isEqualTo(7);
    }
}
