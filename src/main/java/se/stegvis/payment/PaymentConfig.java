package se.stegvis.payment;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wiring for payments: the clock that decides "today" (the system's time zone; tests pass their own clock to the
 * services) and Spring's scheduler for the daily payment file ({@link PaymentFileJob}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class PaymentConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
