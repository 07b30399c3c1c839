package se.stegvis.integration.arbetsformedlingen;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the {@link NoticeWorker} every {@code stegvis.arbetsformedlingen.poll-interval} while
 * {@code stegvis.arbetsformedlingen.worker-enabled} is true (the default; the test profile turns it off).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "stegvis.arbetsformedlingen.worker-enabled", havingValue = "true", matchIfMissing = true)
public class NoticePolling {

    private static final Logger log = LoggerFactory.getLogger(NoticePolling.class);

    private final NoticeWorker worker;

    public NoticePolling(NoticeWorker worker) {
        this.worker = worker;
    }

    @Scheduled(initialDelayString = "${stegvis.arbetsformedlingen.poll-interval:5s}",
            fixedDelayString = "${stegvis.arbetsformedlingen.poll-interval:5s}")
    public void poll() {
        try {
            worker.sendDue();
        } catch (RuntimeException e) {
            log.warn("Sending notices to Arbetsförmedlingen failed: {}", e.toString());
        }
    }
}
