package se.stegvis.integration.arbetsformedlingen;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notices to Arbetsförmedlingen, {@code stegvis.arbetsformedlingen.*} (docs/arbetsformedlingen.md).
 *
 * @param available     whether the local stand-in answers (default true); false simulates AF being down
 * @param workerEnabled whether this node sends the waiting notices (default true; the test profile drives
 *                      {@link NoticeWorker#sendDue()} itself)
 * @param pollInterval  pause between two rounds of the worker
 * @param batchSize     notices sent per round
 * @param attempts      attempts before a notice counts as unanswered (an incident on the client's journey)
 * @param retryDelay    wait before the next attempt after AF did not answer
 */
@ConfigurationProperties("stegvis.arbetsformedlingen")
public record ArbetsformedlingenProperties(
        @DefaultValue("true") boolean available,
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("3") int attempts,
        @DefaultValue("5m") Duration retryDelay) {

    public ArbetsformedlingenProperties {
        if (batchSize < 1 || attempts < 1 || retryDelay.isNegative() || pollInterval.isNegative()
                || pollInterval.isZero()) {
            throw new IllegalArgumentException("stegvis.arbetsformedlingen: batch-size och attempts ska vara minst 1,"
                    + " retry-delay får inte vara negativ och poll-interval ska vara positiv");
        }
    }
}
