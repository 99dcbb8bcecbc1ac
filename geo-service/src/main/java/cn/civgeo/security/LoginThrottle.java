package cn.civgeo.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in throttling per account and per client address. Each failed attempt counts against both; at
 * {@code account-max-failures} (or {@code address-max-failures}) the key is locked for {@code lockout}, doubled for
 * every further lockout in a row (back-off) up to {@code max-lockout}. While locked every attempt, right password
 * or not, answers 429 with Retry-After and no password is checked. A success clears the account (not the address:
 * one valid account must not reset a password spray). Failures older than {@code window} are forgotten.
 * Unknown user names count like real ones, so lockouts do not reveal which names exist.
 * Counters live in PostgreSQL (table {@code login_throttle}), so every instance counts every instance's failures
 * and a restart forgets nothing; a row is updated under {@code FOR UPDATE}, so concurrent attempts count once each.
 */
@Component
public class LoginThrottle {
    private final int accountMax;
    private final int addressMax;
    private final Duration lockout;
    private final Duration maxLockout;
    private final Duration window;
    private final Clock clock;
    private final LoginThrottleRepository counters;
    private final TransactionTemplate tx;
    private volatile long lastSweep;

    /** failures in the current window, when the window started, lockouts in a row, locked until (epoch ms). */
    record Entry(int failures, long windowStart, int strikes, long lockedUntil) {}

    @org.springframework.beans.factory.annotation.Autowired
    public LoginThrottle(@Value("${civgeo.security.login.account-max-failures:5}") int accountMax,
                         @Value("${civgeo.security.login.address-max-failures:20}") int addressMax,
                         @Value("${civgeo.security.login.lockout:PT5M}") Duration lockout,
                         @Value("${civgeo.security.login.max-lockout:PT1H}") Duration maxLockout,
                         @Value("${civgeo.security.login.window:PT15M}") Duration window,
                         LoginThrottleRepository counters, PlatformTransactionManager transactions) {
        this(accountMax, addressMax, lockout, maxLockout, window, Clock.systemUTC(), counters, transactions);
    }

    LoginThrottle(int accountMax, int addressMax, Duration lockout, Duration maxLockout, Duration window, Clock clock,
                  LoginThrottleRepository counters, PlatformTransactionManager transactions) {
        this.counters = counters;
        this.tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.accountMax = accountMax;
        this.addressMax = addressMax;
        this.lockout = lockout;
        this.maxLockout = maxLockout;
        this.window = window;
        this.clock = clock;
    }

    static String account(String username) { return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)); }

    static String address(String address) { return "a:" + (address == null ? "" : address); }

    /** Seconds until the account or the address may try again; 0 when neither is locked. */
    public long retryAfterSeconds(String username, String address) {
        long now = clock.millis();
        long until = Math.max(lockedUntil(account(username), now), lockedUntil(address(address), now));
        return until <= now ? 0 : Math.max(1, (until - now + 999) / 1000);
    }

    /** Counts a failure; returns the seconds of a lockout it started (0 if none). */
    public long failed(String username, String address) {
        long now = clock.millis();
        sweep();
        long a = count(account(username), accountMax, now);
        long b = count(address(address), addressMax, now);
        long until = Math.max(a, b);
        return until <= now ? 0 : Math.max(1, (until - now + 999) / 1000);
    }

    public void succeeded(String username) { remove(account(username)); }

    /** An administrator lifts a lockout (account or address). */
    public boolean unlock(String username, String address) {
        boolean any = false;
        if (username != null) any |= remove(account(username));
        if (address != null) any |= remove(address(address));
        return any;
    }

    private boolean remove(String key) {
        return counters.delete(key);
    }

    /** Forgets rows whose window and lockout are over (their next failure starts afresh anyway). */
    void sweep() {
        long now = clock.millis();
        if (now - lastSweep < 300_000) return;
        lastSweep = now;
        long keep = Math.max(window.toMillis(), maxLockout.toMillis()) * 2;
        try {
            counters.deleteStale(now, now - keep);
        } catch (RuntimeException ignored) {
            // the database is away: the next sweep tries again
        }
    }

    private long lockedUntil(String key, long now) {
        return counters.lockedUntil(key).orElse(0L);
    }

    private long count(String key, int max, long now) {
        Long until = tx.execute(s -> {
            counters.insertIfAbsent(key, now);
            Entry old = counters.lock(key);
            Entry e = next(old.windowStart() == 0 && old.failures() == 0 && old.strikes() == 0 && old.lockedUntil() == 0 ? null : old, max, now);
            counters.write(key, e, now);
            return e.lockedUntil();
        });
        return until == null ? 0 : until;
    }

    private Entry next(Entry old, int max, long now) {
        if (old != null && old.lockedUntil() > now) return old; // still locked (a concurrent attempt)
        int strikes = old == null ? 0 : old.strikes();
        boolean lockOver = old != null && old.lockedUntil() != 0;
        boolean windowOver = old == null || now - old.windowStart() > window.toMillis();
        if (old != null && !lockOver && windowOver) strikes = 0; // a quiet window forgets the back-off
        int failures = old == null || lockOver || windowOver ? 1 : old.failures() + 1;
        long start = failures == 1 ? now : old.windowStart();
        if (failures >= max) return new Entry(0, now, strikes + 1, now + currentLockout(strikes).toMillis());
        return new Entry(failures, start, strikes, 0);
    }

    private Duration currentLockout(int strikes) {
        Duration d = lockout.multipliedBy(1L << Math.min(strikes, 20));
        return d.compareTo(maxLockout) > 0 ? maxLockout : d;
    }
}
