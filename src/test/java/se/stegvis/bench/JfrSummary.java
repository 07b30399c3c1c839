package se.stegvis.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went, from the execution samples of a JFR recording (the same as {@code jfr print --events
 * jdk.ExecutionSample}, counted): by the library of the sampled frame, by the outermost Stegvis frame (the work a
 * sample belongs to), and the methods that were on the stack most often. Run it alone on a recording with
 * {@code main}.
 */
final class JfrSummary {

    private static final String[][] LIBRARIES = {
            {"PDF (openhtmltopdf, PDFBox, fonts)", "com.openhtmltopdf", "org.apache.pdfbox", "org.apache.fontbox",
                    "java.awt", "sun.font", "sun.java2d"},
            {"HTML template (Thymeleaf, jsoup, XML)", "org.thymeleaf", "org.jsoup", "org.attoparser", "org.w3c",
                    "org.apache.xerces", "com.sun.org.apache", "org.xml", "javax.xml"},
            {"DMN / FEEL / JUEL", "org.camunda.bpm.dmn", "org.camunda.feel", "scala.", "org.camunda.bpm.impl.juel",
                    "org.camunda.bpm.engine.impl.juel"},
            {"PostgreSQL JDBC", "org.postgresql"},
            {"Hibernate / Spring Data", "org.hibernate", "org.springframework.orm", "org.springframework.data",
                    "jakarta.persistence"},
            {"MyBatis (engine SQL)", "org.apache.ibatis"},
            {"Hikari", "com.zaxxer.hikari"},
            {"JSON (Jackson)", "com.fasterxml.jackson"},
            {"logging", "ch.qos.logback", "co.elastic", "org.slf4j", "org.springframework.boot.logging"},
            {"security / crypto", "org.springframework.security", "java.security", "sun.security", "javax.crypto",
                    "com.sun.crypto"},
            {"Tomcat / Jersey (HTTP)", "org.apache.tomcat", "org.apache.catalina", "org.apache.coyote",
                    "org.glassfish.jersey"},
            {"Camunda engine", "org.camunda"},
            {"Stegvis", "se.stegvis"},
            {"Spring", "org.springframework"},
            {"JDK", "java.", "jdk.", "sun.", "javax.", "com.sun."},
    };

    private final Map<String, Integer> libraries = new HashMap<>();
    private final Map<String, Integer> entries = new HashMap<>();
    private final Map<String, Integer> onStack = new HashMap<>();
    private final Map<String, Integer> threads = new HashMap<>();
    private int samples;

    static JfrSummary of(Path recording) throws IOException {
        JfrSummary s = new JfrSummary();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
                    s.add(e);
                }
            }
        }
        return s;
    }

    private void add(RecordedEvent e) {
        List<String> frames = new ArrayList<>();
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            if (f.isJavaFrame()) {
                frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
            }
        }
        if (frames.isEmpty()) {
            return;
        }
        samples++;
        String thread = e.getThread("sampledThread") == null ? "?"
                : e.getThread("sampledThread").getJavaName().replaceAll("-?\\d+$", "");
        threads.merge(thread, 1, Integer::sum);
        String library = library(frames.get(0));
        if (library.equals("JDK")) { // JDK code counts for the library that called it
            library = frames.stream().map(JfrSummary::library).filter(l -> !l.equals("JDK")).findFirst().orElse("JDK");
        }
        libraries.merge(library, 1, Integer::sum);
        entries.merge("[" + thread + "] " + entry(frames), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (String f : frames) {
            if (seen.add(f)) {
                onStack.merge(f, 1, Integer::sum);
            }
        }
    }

    /** The outermost Stegvis frame (not a proxy), else the outermost engine REST resource, else the top frame. */
    private static String entry(List<String> frames) {
        for (int k = frames.size() - 1; k >= 0; k--) {
            String f = frames.get(k);
            if (f.startsWith("se.stegvis.") && !f.contains("$$")) {
                return f;
            }
        }
        for (int k = frames.size() - 1; k >= 0; k--) {
            String f = frames.get(k);
            if (f.contains(".rest.impl.") || f.contains(".rest.sub.")) {
                return f;
            }
        }
        for (String f : frames) {
            if (f.startsWith("org.camunda.bpm.engine.impl.jobexecutor")) {
                return "engine: job execution";
            }
        }
        return frames.get(frames.size() - 1);
    }

    private static String library(String frame) {
        for (String[] lib : LIBRARIES) {
            for (int k = 1; k < lib.length; k++) {
                if (frame.startsWith(lib[k])) {
                    return lib[0];
                }
            }
        }
        return "other";
    }

    String text() {
        StringBuilder out = new StringBuilder("CPU samples: " + samples + "\n");
        section(out, "threads", threads, 8);
        section(out, "library of the sampled frame", libraries, 16);
        section(out, "work (outermost Stegvis frame or REST resource)", entries, 25);
        section(out, "methods on the stack", onStack, 60);
        return out.toString();
    }

    private void section(StringBuilder out, String title, Map<String, Integer> counts, int top) {
        out.append("\n").append(title).append(":\n");
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((k, v) -> out.append(String.format(java.util.Locale.ROOT, "  %5.1f %%  %s%n",
                100.0 * v / Math.max(1, samples), k)));
    }

    public static void main(String[] args) throws IOException {
        System.out.print(of(Path.of(args[0])).text());
    }
}
