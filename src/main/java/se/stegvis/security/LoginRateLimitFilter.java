package se.stegvis.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import se.stegvis.config.ApiError;

/**
 * Rate-limits failed logins per source address ({@link LoginRateLimiter}) on every way in: HTTP Basic on
 * {@code /api/**} and {@code /engine-rest/**}, and the webapps' login form. A request with credentials from a source
 * that has failed too often is answered 429 with {@code Retry-After}, before its password is checked at all (so the
 * guessing does not reach Camunda's own lock-out either); a request with credentials that is answered 401 counts as a
 * failure. Requests without credentials are neither limited nor counted.
 *
 * <p>The source is the connection's address ({@code request.getRemoteAddr()}); behind a reverse proxy set
 * {@code server.forward-headers-strategy} so that it is the client's.
 */
public class LoginRateLimitFilter extends OncePerRequestFilter {

    /** The webapps' login: {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. */
    static final String WEBAPP_LOGIN = "/api/admin/auth/user/";

    private final LoginRateLimiter limiter;
    private final ObjectMapper json;

    public LoginRateLimitFilter(LoginRateLimiter limiter, ObjectMapper json) {
        this.limiter = limiter;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!carriesCredentials(request)) {
            chain.doFilter(request, response);
            return;
        }
        String source = request.getRemoteAddr();
        Duration wait = limiter.retryAfter(source);
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
            String message = "För många misslyckade inloggningar härifrån. Försök igen om " + seconds + " sekunder.";
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), new ApiError(429, message, List.of()));
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            limiter.failed(source);
        }
    }

    private static boolean carriesCredentials(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        return "POST".equalsIgnoreCase(request.getMethod()) && request.getRequestURI().contains(WEBAPP_LOGIN)
                && request.getRequestURI().contains("/login/");
    }
}
