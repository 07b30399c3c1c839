package se.stegvis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Stegvis: from an application for ekonomiskt bistånd to work or studies. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StegvisApplication {

    public static void main(String[] args) {
        SpringApplication.run(StegvisApplication.class, args);
    }
}
