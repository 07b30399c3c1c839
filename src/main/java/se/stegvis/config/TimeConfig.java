package se.stegvis.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole application, in Swedish time, following the engine's clock. */
@Configuration
public class TimeConfig {

    public static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    @Bean
    Clock clock() {
        return new EngineClock(SWEDEN);
    }
}
