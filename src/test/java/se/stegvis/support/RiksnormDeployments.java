package se.stegvis.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Versions of the riksnorm tables deployed the way a process owner deploys them, through
 * {@code POST /engine-rest/deployment/create} (what Camunda Modeler calls) as {@code processagare1}. A test that deploys
 * one must end by deploying {@link #production()} again, so that the shared context computes with the real table.
 */
public final class RiksnormDeployments {

    public static final Path PRODUCTION = Path.of("processes", "riksnorm.dmn");

    private final Http http;

    public RiksnormDeployments(int port) {
        this.http = new Http(port);
    }

    /** The table of {@code processes/riksnorm.dmn}, as released. */
    public static String production() {
        return read(PRODUCTION);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table without any row of {@code year}: what a process owner has before adding the year. */
    public static String withoutYear(String dmn, int year) {
        String without = Pattern.compile("\\s*<rule id=\"Rule_[A-Za-z]+_" + year + "[^\"]*\">.*?</rule>", Pattern.DOTALL)
                .matcher(dmn).replaceAll("");
        assertThat(without).as("rows of %d removed", year).isNotEqualTo(dmn).doesNotContain("<text>" + year + "</text>");
        return without;
    }

    /**
     * A <b>test-only</b> table: every row of {@code from} also as a row of {@code to}, with the same amounts (ids and
     * year changed, the description marked). For testing rules of a year whose real riksnorm is not known yet.
     */
    public static String withYearCopied(String dmn, int from, int to) {
        java.util.regex.Matcher rows = Pattern.compile("(\\s*)(<rule id=\"Rule_[A-Za-z]+_" + from + "[^\"]*\">.*?</rule>)",
                Pattern.DOTALL).matcher(dmn);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (rows.find()) {
            String copy = rows.group(2).replace("_" + from, "_" + to)
                    .replace("<text>" + from + "</text>", "<text>" + to + "</text>")
                    .replaceFirst("<description>", "<description>TESTTABELL, " + to + " = beloppen för " + from + ": ");
            rows.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    rows.group(1) + rows.group(2) + rows.group(1) + copy));
            copied++;
        }
        rows.appendTail(out);
        assertThat(copied).as("rows of %d copied", from).isPositive();
        assertThat(dmn).as("no rows of %d yet", to).doesNotContain("<text>" + to + "</text>");
        return out.toString();
    }

    /** Deploys the table as processagare1 through the engine's REST API; returns the deployment's JSON. */
    public String deploy(String deploymentName, String dmn) {
        String boundary = "stegvisriksnorm";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + deploymentName + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"riksnorm.dmn\"; filename=\"riksnorm.dmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + dmn + "\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> response = http.post("/engine-rest/deployment/create", "processagare1",
                "multipart/form-data; boundary=" + boundary, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** Deploys the released table again, so that it is the newest version. */
    public void restoreProduction() {
        deploy("riksnorm-test-restore", production());
    }
}
