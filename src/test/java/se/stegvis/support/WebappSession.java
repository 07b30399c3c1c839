package se.stegvis.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A browser-like session against the Camunda webapps: cookies, and the CSRF token Camunda hands out. */
public final class WebappSession {

    private final CookieManager cookies;
    private final HttpClient client;
    private final String base;
    private final String engine;

    public WebappSession(int port) {
        this(port, "default");
    }

    /** For an application whose process engine has another name than "default". */
    public WebappSession(int port, String engine) {
        this(new CookieManager(), port, engine);
    }

    private WebappSession(CookieManager cookies, int port, String engine) {
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
        this.base = "http://localhost:" + port;
        this.engine = engine;
    }

    /** The same browser (its cookies) talking to another node of the same installation, e.g. behind a load balancer. */
    public WebappSession onPort(int port) {
        return new WebappSession(cookies, port, engine);
    }

    /** Opens the app's page (which sets the session and XSRF-TOKEN cookies) and logs in; returns the status. */
    public int login(String app, String user, String password) {
        send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/" + engine + "/")).GET().build());
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/" + engine + "/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
                .build()).statusCode();
    }

    /** Logs out of the webapps (Camunda's logout with the CSRF token); returns the status. */
    public int logout() {
        // The login gave the session a new id; a GET hands out the CSRF token that belongs to it.
        send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/" + engine)).GET().build());
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/" + engine + "/logout"))
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build()).statusCode();
    }

    /** A GET with this session's cookies (and no credentials of its own), e.g. of the application's /api. */
    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build());
    }

    public String csrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue)
                .findFirst().orElse("");
    }

    public HttpResponse<String> send(HttpRequest request) {
        return Http.send(client, request);
    }
}
