package se.stegvis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Stegvis: from an application for ekonomiskt bistånd to work or studies. {@code @SpringBootApplication}'s scan,
 * except the benchmark's own applications ({@code se.stegvis.bench}, test classpath), which are started in JVMs of
 * their own and must not become part of Stegvis in the tests, the start-up tests or the simulation.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "se\\.stegvis\\.bench\\..*") })
@ConfigurationPropertiesScan
public class StegvisApplication {

    public static void main(String[] args) {
        SpringApplication.run(StegvisApplication.class, args);
    }
}
