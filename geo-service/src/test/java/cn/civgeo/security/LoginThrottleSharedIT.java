package cn.civgeo.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.civgeo.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/** Two throttles on the same database (two instances) count each other's failures and see each other's lockouts. */
class LoginThrottleSharedIT extends IntegrationTest {
    @Autowired
    private PlatformTransactionManager transactions;

    private LoginThrottle instance() {
        return new LoginThrottle(5, 1000, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(15), Clock.systemUTC(),
                new LoginThrottleRepository(jdbc), transactions);
    }

    @Test
    void failuresOnTwoInstancesAddUpToOneLockout() {
        LoginThrottle a = instance();
        LoginThrottle b = instance();
        String user = unique("shared");
        String address = "192.0.2." + (1 + new java.util.Random().nextInt(250));
        for (int i = 0; i < 2; i++) assertThat(a.failed(user, address)).isZero();
        for (int i = 0; i < 2; i++) assertThat(b.failed(user, address)).isZero();
        assertThat(a.retryAfterSeconds(user, address)).isZero();
        // The fifth failure, on instance a, is the account's fifth: locked for 5 minutes, and b sees it at once.
        assertThat(a.failed(user, address)).isBetween(299L, 300L);
        assertThat(b.retryAfterSeconds(user, address)).isBetween(299L, 300L);
        // An admin lifting the lockout on one instance lifts it on the other.
        assertThat(b.unlock(user, null)).isTrue();
        assertThat(a.retryAfterSeconds(user, address)).isZero();
        // A success on one instance clears the account's count on both.
        for (int i = 0; i < 4; i++) assertThat((i % 2 == 0 ? a : b).failed(user, address)).isZero();
        a.succeeded(user);
        assertThat(b.failed(user, address)).isZero();
        b.unlock(null, address);
    }
}
