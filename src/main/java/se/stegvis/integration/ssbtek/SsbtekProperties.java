package se.stegvis.integration.ssbtek;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the automatic income check, {@code stegvis.ssbtek.*} (documented in {@code docs/ssbtek.md}).
 *
 * @param available     whether the local register answers (default true); false simulates SSBTEK being down, so
 *                      every lookup throws {@link RegisterUnavailableException}
 * @param workerEnabled whether this node polls for income-check tasks (default true); the test profile turns it off
 *                      and drives {@link IncomeCheckWorker#fetchAndHandle()} itself
 * @param pollInterval  pause between two polls (default 2000 ms; a number is milliseconds, or e.g. {@code 5s})
 * @param lockDuration  how long a fetched task stays locked to this node before another node may take it
 * @param maxTasks      tasks fetched per poll
 * @param retries       attempts when the register does not answer; after the last an incident is raised
 * @param retryTimeout  wait before the next attempt after the register did not answer (default 1 minute)
 * @param tolerance     kronor a declared and a registered amount may differ without a warning (default 100)
 */
@ConfigurationProperties("stegvis.ssbtek")
public record SsbtekProperties(
        @DefaultValue("true") boolean available,
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("2000ms") Duration pollInterval,
        @DefaultValue("30s") Duration lockDuration,
        @DefaultValue("10") int maxTasks,
        @DefaultValue("3") int retries,
        @DefaultValue("1m") Duration retryTimeout,
        @DefaultValue("100") long tolerance) {

    public SsbtekProperties {
        if (maxTasks < 1 || retries < 1 || tolerance < 0 || lockDuration.isNegative() || lockDuration.isZero()
                || retryTimeout.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("stegvis.ssbtek: max-tasks och retries ska vara minst 1, tolerance"
                    + " och retry-timeout får inte vara negativa, poll-interval och lock-duration ska vara positiva");
        }
    }
}
