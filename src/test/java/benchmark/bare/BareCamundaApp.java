package benchmark.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmark's yardstick: a plain Camunda 7.24 Spring Boot application with the engine REST API and the
 * process {@code bare-monthly-application} (the monthly application's shape, no business code), configured by
 * {@code bench/bare.yaml} only. The benchmark starts it in a JVM of its own with
 * {@code --spring.config.location=classpath:/bench/bare.yaml} and the datasource on the command line.
 *
 * <p>Outside {@code se.stegvis} on purpose: Stegvis scans its own packages (also in the tests' classpath), and must
 * never find this application or its beans.
 */
@SpringBootApplication
public class BareCamundaApp {

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApp.class, args);
    }
}
