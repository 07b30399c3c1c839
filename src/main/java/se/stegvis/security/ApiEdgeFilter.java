package se.stegvis.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import se.stegvis.config.ApiError;

/**
 * The edges of Stegvis' own API ({@code /api/**}) for calls that change something (POST, PUT, PATCH, DELETE), before
 * anything else reads them:
 * <ul>
 *   <li>a foreign {@code Origin} is refused with 403: a page on another site cannot make a logged-in browser act;</li>
 *   <li>the body must be JSON ({@code Content-Type: application/json}), else 415 — the content types a plain HTML form
 *       can send are never accepted, so no cross-site form posts either;</li>
 *   <li>a body over {@value #DEFAULT_MAX_BODY_BYTES} bytes is refused with 413, whether or not it announces its
 *       length; a smaller one is read once and handed on.</li>
 * </ul>
 * Answers in the project's error format ({@link ApiError}). Reads (GET, HEAD, OPTIONS) pass untouched.
 */
public class ApiEdgeFilter extends OncePerRequestFilter {

    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final int maxBodyBytes;
    private final List<String> allowedOrigins;
    private final ObjectMapper json;

    /**
     * @param allowedOrigins origins besides the application's own that may call (e.g. the e-service's site), as
     *                       {@code https://host[:port]}
     */
    public ApiEdgeFilter(int maxBodyBytes, List<String> allowedOrigins, ObjectMapper json) {
        this.maxBodyBytes = maxBodyBytes;
        this.allowedOrigins = allowedOrigins.stream().map(ApiEdgeFilter::normalized).toList();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request) && !allowedOrigins.contains(normalized(origin))) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN,
                    "Begäran kommer från en annan webbplats (Origin) och tas inte emot.", "Origin");
            return;
        }
        if (!isJson(request.getContentType())) {
            refuse(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "Skicka begäran som JSON (Content-Type: application/json).", "Content-Type");
            return;
        }
        long announced = request.getContentLengthLong();
        if (announced > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type)
                    || ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /**
     * Whether the Origin names the host the request was sent to (its {@code Host} header, which a page on another
     * site cannot set). Host and port are compared, not the scheme, so that it holds behind a proxy ending TLS; a
     * missing port is the scheme's default.
     */
    static boolean sameOrigin(String origin, HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null) {
            return false;
        }
        try {
            URI from = URI.create(origin.strip());
            URI to = URI.create("//" + host.strip());
            if (from.getScheme() == null || from.getHost() == null || to.getHost() == null
                    || !from.getHost().equalsIgnoreCase(to.getHost())) {
                return false;
            }
            int defaultPort = "https".equalsIgnoreCase(from.getScheme()) ? 443 : 80;
            int fromPort = from.getPort() == -1 ? defaultPort : from.getPort();
            return to.getPort() == -1 ? from.getPort() == -1 : to.getPort() == fromPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code scheme://host:port} in lower case with the default port made explicit; "null" and garbage stay apart. */
    static String normalized(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "invalid:" + origin;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return "invalid:" + origin;
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while (out.size() < limit && (n = in.read(buffer, 0, Math.min(buffer.length, limit - out.size()))) != -1) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                "Begäran är för stor: högst " + maxBodyBytes / 1024 + " kB.", null);
    }

    private void refuse(HttpServletResponse response, int status, String message, String field) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), new ApiError(status, message,
                List.of(new ApiError.FieldError(field, message))));
    }

    /** The request with its body already read. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
