package se.stegvis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The packaged product (after {@code package}, run by failsafe): the simulation and its settings are not in it —
 * they live in src/simulation on the test classpath — while the application and its models are.
 */
class ProductJarIT {

    @Test
    void theProductJarHasNoSimulation() throws Exception {
        Path jar = Path.of(System.getProperty("stegvis.product-jar", "target/stegvis-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = file.stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("BOOT-INF/classes/se/stegvis/StegvisApplication.class",
                    "BOOT-INF/classes/processes/ekonomiskt-bistand.bpmn");
            assertThat(names).noneMatch(name -> name.contains("se/stegvis/simulation/"))
                    .noneMatch(name -> name.endsWith("application-simulation.yaml"))
                    .noneMatch(name -> name.startsWith("BOOT-INF/classes/") && name.endsWith("Test.class"));
        }
        assertThat(Files.size(jar)).isPositive();
    }
}
