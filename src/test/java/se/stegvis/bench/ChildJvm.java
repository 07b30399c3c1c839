package se.stegvis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An application under measurement, in a JVM of its own: started, waited for, measured, stopped. */
final class ChildJvm implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");

    private final String name;
    private final Process process;
    private final long startedNanos;
    private final Path log;

    private ChildJvm(String name, Process process, long startedNanos, Path log) {
        this.name = name;
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    /** Starts {@code java <jvmArgs> <args>}; its output goes to {@code <dir>/<name>.log}. */
    static ChildJvm start(String name, Path dir, List<String> jvmArgs, List<String> args, Map<String, String> env)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(tool("java").toString());
        command.addAll(jvmArgs);
        command.addAll(args);
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        return new ChildJvm(name, pb.start(), t0, log);
    }

    /** Seconds from the start of the JVM until {@code /actuator/health} answers UP. */
    double awaitHealthy(int port, Duration timeout) throws IOException, InterruptedException {
        Api api = new Api(port);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": see " + log);
            }
            try {
                Api.Response r = api.get("/actuator/health", null);
                if (r.status() == 200 && r.body().contains("\"status\":\"UP\"")) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + ": see " + log);
    }

    /** kill -9: the JVM ends at once, without shutdown hooks or a graceful stop, as a node whose host dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits until the JVM has ended by itself; whether it did within {@code timeout}. */
    boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** CPU time (user + system) of the JVM so far, seconds. */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** Heap in use right after a full GC, MB (jcmd GC.run, then GC.heap_info). */
    long heapAfterGcMb() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    String jcmd(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(tool("jcmd").toString(), Long.toString(process.pid())));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    Path log() {
        return log;
    }

    /** Stops it as an operator would (SIGTERM, graceful shutdown), killed after a minute. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** A tool of the JDK that runs the benchmark. */
    static Path tool(String name) {
        Path p = Path.of(System.getProperty("java.home"), "bin", name);
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException(name + " not found beside the running JVM (" + p + "): a JDK is needed");
        }
        return p;
    }
}
