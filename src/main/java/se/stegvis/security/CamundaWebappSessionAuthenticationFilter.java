package se.stegvis.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user who is logged into the Camunda webapps (Cockpit) read chosen {@code /api} resources with that session,
 * so that the Cockpit plugin "Nyckeltal" needs no credentials of its own.
 *
 * <p>Only for safe methods (GET, HEAD) on the paths given, only when the request carries no {@code Authorization}
 * header (HTTP Basic keeps precedence), and never creates a session. The user id is taken from the webapp session's
 * authentication for this process engine; whether the user still exists and which groups they belong to is asked of
 * the identity service on every request, so a removed user or a changed membership counts at once. The cookie alone
 * lets through only reads (no CSRF exposure); a write with the session is accepted only on the writable paths given
 * (Cockpit's "Migrera instanser") and only with the session's Camunda CSRF token in {@code X-XSRF-TOKEN}, which
 * another site cannot read. Every other state-changing {@code /api} call still needs HTTP Basic.
 *
 * <p>Not a Spring bean on purpose: Spring Boot would register it for every request.
 */
public class CamundaWebappSessionAuthenticationFilter extends OncePerRequestFilter {

    /**
     * Session attribute under which Camunda's webapps keep {@link Authentications} (value of
     * {@code AuthenticationUtil.CAM_AUTH_SESSION_KEY}, which is not public). Read directly, because
     * {@code AuthenticationUtil.getAuthsFromSession} writes an empty value into sessions that have none.
     */
    static final String CAMUNDA_SESSION_ATTRIBUTE = "authenticatedUser";

    private static final List<String> SAFE_METHODS = List.of("GET", "HEAD");

    private final RequestMatcher paths;
    private final RequestMatcher writablePaths;
    private final String processEngineName;
    private final CamundaIdentityAuthenticationProvider identity;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public CamundaWebappSessionAuthenticationFilter(RequestMatcher paths, String processEngineName,
                                                    CamundaIdentityAuthenticationProvider identity) {
        this(paths, request -> false, processEngineName, identity);
    }

    /**
     * @param writablePaths paths where a webapp session may also write (POST …), but only with the session's Camunda
     *                      CSRF token in the {@code X-XSRF-TOKEN} header, as Camunda's own webapp API demands
     */
    public CamundaWebappSessionAuthenticationFilter(RequestMatcher paths, RequestMatcher writablePaths,
                                                    String processEngineName,
                                                    CamundaIdentityAuthenticationProvider identity) {
        this.paths = paths;
        this.writablePaths = writablePaths;
        this.processEngineName = processEngineName;
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = webappUser(request);
        if (user != null) {
            identity.authenticatedUser(user).ifPresent(authentication -> {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(authentication);
                contexts.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }

    /** The webapp session's user for this engine, or null when the request is not one this filter serves. */
    private String webappUser(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        boolean read = SAFE_METHODS.contains(request.getMethod()) && paths.matches(request);
        boolean write = !SAFE_METHODS.contains(request.getMethod()) && writablePaths.matches(request)
                && carriesTheSessionsCsrfToken(request);
        if (!read && !write) {
            return null;
        }
        var existing = contexts.getContext().getAuthentication();
        if (existing != null && existing.isAuthenticated()) {
            return null;
        }
        HttpSession session = request.getSession(false);
        if (session == null
                || !(session.getAttribute(CAMUNDA_SESSION_ATTRIBUTE) instanceof Authentications authentications)) {
            return null;
        }
        Authentication authentication = authentications.getAuthenticationForProcessEngine(processEngineName);
        return authentication == null || authentication == Authentication.ANONYMOUS ? null : authentication.getIdentityId();
    }

    /**
     * A write with the webapp session must carry the token that Camunda's CSRF filter keeps in the session (and hands
     * the browser as the XSRF-TOKEN cookie): another site can make the browser send the cookie, not read it.
     */
    private static boolean carriesTheSessionsCsrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String header = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        if (session == null || header == null
                || !(session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String token)) {
            return false;
        }
        return java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                header.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
