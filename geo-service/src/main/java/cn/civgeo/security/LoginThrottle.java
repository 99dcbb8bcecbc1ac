package cn.civgeo.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sign-in throttling per account and per client address. Each failed attempt counts against both; at
 * {@code account-max-failures} (or {@code address-max-failures}) the key is locked for {@code lockout}, doubled for
 * every further lockout in a row (back-off) up to {@code max-lockout}. While locked every attempt, right password
 * or not, answers 429 with Retry-After and no password is checked. A success clears the account (not the address:
 * one valid account must not reset a password spray). Failures older than {@code window} are forgotten.
 * Unknown user names count like real ones, so lockouts do not reveal which names exist.
 * Counters live in memory on this instance (a restart forgets them).
 */
@Component
public class LoginThrottle {
    private final int accountMax;
    private final int addressMax;
    private final Duration lockout;
    private final Duration maxLockout;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** failures in the current window, when the window started, lockouts in a row, locked until (epoch ms). */
    private record Entry(int failures, long windowStart, int strikes, long lockedUntil) {}

    @org.springframework.beans.factory.annotation.Autowired
    public LoginThrottle(@Value("${civgeo.security.login.account-max-failures:5}") int accountMax,
                         @Value("${civgeo.security.login.address-max-failures:20}") int addressMax,
                         @Value("${civgeo.security.login.lockout:PT5M}") Duration lockout,
                         @Value("${civgeo.security.login.max-lockout:PT1H}") Duration maxLockout,
                         @Value("${civgeo.security.login.window:PT15M}") Duration window) {
        this(accountMax, addressMax, lockout, maxLockout, window, Clock.systemUTC());
    }

    LoginThrottle(int accountMax, int addressMax, Duration lockout, Duration maxLockout, Duration window, Clock clock) {
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
        long a = count(account(username), accountMax, now);
        long b = count(address(address), addressMax, now);
        long until = Math.max(a, b);
        return until <= now ? 0 : Math.max(1, (until - now + 999) / 1000);
    }

    public void succeeded(String username) { entries.remove(account(username)); }

    /** An administrator lifts a lockout (account or address). */
    public boolean unlock(String username, String address) {
        boolean any = false;
        if (username != null) any |= entries.remove(account(username)) != null;
        if (address != null) any |= entries.remove(address(address)) != null;
        return any;
    }

    private long lockedUntil(String key, long now) {
        Entry e = entries.get(key);
        return e == null ? 0 : e.lockedUntil();
    }

    private long count(String key, int max, long now) {
        Entry e = entries.compute(key, (k, old) -> {
            if (old != null && old.lockedUntil() > now) return old; // still locked (a concurrent attempt)
            int strikes = old == null ? 0 : old.strikes();
            boolean lockOver = old != null && old.lockedUntil() != 0;
            boolean windowOver = old == null || now - old.windowStart() > window.toMillis();
            if (old != null && !lockOver && windowOver) strikes = 0; // a quiet window forgets the back-off
            int failures = old == null || lockOver || windowOver ? 1 : old.failures() + 1;
            long start = failures == 1 ? now : old.windowStart();
            if (failures >= max) return new Entry(0, now, strikes + 1, now + currentLockout(strikes).toMillis());
            return new Entry(failures, start, strikes, 0);
        });
        return e.lockedUntil();
    }

    private Duration currentLockout(int strikes) {
        Duration d = lockout.multipliedBy(1L << Math.min(strikes, 20));
        return d.compareTo(maxLockout) > 0 ? maxLockout : d;
    }
}
