package se.stegvis.metrics;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The municipality's population per year, the denominator of the share on assistance (docs/nyckeltal.md). */
@ConfigurationProperties("stegvis.metrics")
public record KeyFigureSettings(Map<Integer, Long> population) {

    public KeyFigureSettings {
        population = population == null ? Map.of() : Map.copyOf(population);
    }
}
