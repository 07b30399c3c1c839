package se.stegvis.integration.ssbtek;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Polls for income-check tasks every {@code stegvis.ssbtek.poll-interval} (default 2000 ms) while
 * {@code stegvis.ssbtek.worker-enabled} is true (the default; the test profile turns it off). Spring's scheduler
 * starts it when the application is up and stops it on shutdown.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "stegvis.ssbtek.worker-enabled", havingValue = "true", matchIfMissing = true)
public class IncomeCheckPolling {

    private static final Logger log = LoggerFactory.getLogger(IncomeCheckPolling.class);

    private final IncomeCheckWorker worker;

    public IncomeCheckPolling(IncomeCheckWorker worker) {
        this.worker = worker;
    }

    @Scheduled(initialDelayString = "${stegvis.ssbtek.poll-interval:2000ms}",
            fixedDelayString = "${stegvis.ssbtek.poll-interval:2000ms}")
    public void poll() {
        try {
            int handled;
            do {
                handled = worker.fetchAndHandle();
            } while (handled > 0 && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            // The engine or the database is unavailable (e.g. shutting down): try again at the next poll.
            log.warn("Polling for income-check tasks failed: {}", e.toString());
        }
    }
}
