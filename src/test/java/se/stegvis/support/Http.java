package se.stegvis.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A tiny HTTP client for tests against the running application, with optional Basic credentials. */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final java.util.function.Function<String, String> passwords;

    /** The demo users (password {@code demo}). */
    public Http(int port) {
        this(port, user -> "demo");
    }

    /** Users whose passwords {@code passwords} knows. */
    public Http(int port, java.util.function.Function<String, String> passwords) {
        this.base = "http://localhost:" + port;
        this.passwords = passwords;
    }

    public HttpResponse<String> get(String path, String user) {
        return send(request(path, user).GET().build());
    }

    public HttpResponse<String> post(String path, String user, String contentType, String body) {
        return send(request(path, user).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    public HttpResponse<String> postJson(String path, String user, String json) {
        return post(path, user, "application/json", json);
    }

    public HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + passwords.apply(user))
                    .getBytes(StandardCharsets.UTF_8));
            b.header("Authorization", "Basic " + token);
        }
        return b;
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(client, request);
    }

    /** Sends with any client; an I/O failure fails the test at once. */
    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
