package benchmark.bare;

import org.camunda.bpm.engine.ProcessEngines;
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
        NoClasspathEngines.skipScan();
        SpringApplication.run(BareCamundaApp.class, args);
    }

    /**
     * The engine REST API asks {@link ProcessEngines} for the default engine, whose first call scans the classpath for
     * {@code camunda.cfg.xml} and builds every engine it finds. A bare application has none; the test classpath it runs
     * from has the process tests' in-memory engine, and building that cost the bare run seconds of CPU in the middle
     * of the measurement. Marked as scanned, the registry answers with the application's engine only.
     */
    private abstract static class NoClasspathEngines extends ProcessEngines {
        static void skipScan() {
            isInitialized = true;
        }
    }
}
