package se.stegvis;

import org.springframework.boot.SpringApplication;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Stegvis: from an application for ekonomiskt bistånd to work or studies. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StegvisApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(StegvisApplication.class);
        if ("jfr".equals(System.getProperty("stegvis.startup-steps"))) {
            // Spring's start-up steps (each bean's creation, with its duration) as JFR events, for a recording of
            // the start (-XX:StartFlightRecording; BENCHMARKS.md, "Start-up")
            application.setApplicationStartup(new FlightRecorderApplicationStartup());
        }
        application.run(args);
    }
}
