package se.stegvis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** HTTP/1.1 with kept-alive connections to one application, as a user with Basic credentials (or none). */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (HTTP " + status + "): " + abbreviate(body), e);
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** A user of the API; without a password no credentials are sent (the bare process has no security). */
    record User(String name, String password) {
        String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Response get(String path, User user) throws IOException {
        return send(request(path, user, Map.of()).GET());
    }

    Response post(String path, User user, Object body) throws IOException {
        return post(path, user, body, Map.of());
    }

    Response post(String path, User user, Object body, Map<String, String> headers) throws IOException {
        return send(request(path, user, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    Response put(String path, User user) throws IOException {
        return send(request(path, user, Map.of()).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path, User user, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Accept", "application/json");
        if (user != null && user.password() != null) {
            b.header("Authorization", user.authorization());
        }
        headers.forEach(b::setHeader);
        return b;
    }

    private Response send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
