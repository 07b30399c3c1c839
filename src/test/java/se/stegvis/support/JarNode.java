package se.stegvis.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Stegvis node as production runs it: the packaged jar in a JVM of its own, profile {@code postgres}, on the
 * database of {@code jdbcUrl}. For the tests that need more than one node (Camunda's webapps keep static state that
 * a second application in the same JVM would take over), run by failsafe after {@code package}.
 */
public final class JarNode implements AutoCloseable {

    public static final String ADMIN = "nodadmin";
    /** Made for this test run: the postgres profile refuses well-known or guessable administrator passwords. */
    public static final String ADMIN_PASSWORD = "Nod-" + java.util.UUID.randomUUID();

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private JarNode(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar (system property {@code stegvis.product-jar}) and waits until its health is UP. */
    public static JarNode start(String name, String jdbcUrl, Path dir, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("stegvis.product-jar", "target/stegvis-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The packaged jar " + jar.toAbsolutePath() + " is missing: run after package");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString(),
                "--spring.profiles.active=postgres", "--server.port=" + port));
        command.addAll(List.of(args));
        Files.createDirectories(dir);
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(Map.of("DB_URL", jdbcUrl, "DB_USER", "postgres", "DB_PASSWORD", "postgres",
                "STEGVIS_ADMIN_USER", ADMIN, "STEGVIS_ADMIN_PASSWORD", ADMIN_PASSWORD));
        JarNode node = new JarNode(name, pb.start(), log, port);
        node.awaitHealthy(Duration.ofMinutes(10));
        return node;
    }

    public int port() {
        return port;
    }

    public Http http() {
        return new Http(port);
    }

    public Path log() {
        return log;
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + ":\n" + tail());
    }

    /** The end of the node's log, for a failure message. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops it as an operator would (SIGTERM), killed after half a minute. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
