package se.stegvis.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins per source address: after {@code maxFailures} failures within {@code window}, the source is refused
 * (HTTP 429) until its oldest failure in the window has aged out. Counts only attempts that carried credentials
 * (a Basic header, a login form) and failed; successes do not clear the count, so guessing between correct logins
 * gains nothing. In memory, per node; old entries are dropped as they age.
 */
public class LoginRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(LoginRateLimiter.class);

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginRateLimiter(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long the source must wait before it may try again; zero when it may try now. */
    public Duration retryAfter(String source) {
        Deque<Instant> times = failures.get(source);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            Instant now = clock.instant();
            prune(times, now);
            if (times.size() < maxFailures) {
                return Duration.ZERO;
            }
            Duration wait = Duration.between(now, times.peekFirst().plus(window));
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }

    /** Records a failed login from the source. */
    public void failed(String source) {
        Instant now = clock.instant();
        Deque<Instant> times = failures.computeIfAbsent(source, s -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            if (times.size() == maxFailures) {
                log.warn("Login attempts from {} are paused for {}: {} failed logins", source, window, maxFailures);
            }
        }
        if (failures.size() > 10_000) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    /** Forgets every source (for tests that run many failures from one address). */
    public void reset() {
        failures.clear();
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }
}
