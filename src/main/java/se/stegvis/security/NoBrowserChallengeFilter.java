package se.stegvis.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps browsers from being challenged with {@code WWW-Authenticate: Basic} by the engine REST API: a browser that
 * shows the login dialog remembers the credentials and sends them with every later request to the site, also those a
 * page on another site makes it send. Tools (curl, Modeler, the e-service) still get the challenge; they are told
 * apart by the headers every browser sends ({@code Sec-Fetch-Mode}, a {@code Mozilla} user agent, HTML accepted).
 * Stegvis' own API never sends the challenge at all ({@link SecurityConfig}).
 */
public class NoBrowserChallengeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, isBrowser(request) ? new WithoutChallenge(response) : response);
    }

    static boolean isBrowser(HttpServletRequest request) {
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return request.getHeader("Sec-Fetch-Mode") != null
                || (agent != null && agent.contains("Mozilla/"))
                || (accept != null && accept.contains("text/html"));
    }

    private static final class WithoutChallenge extends HttpServletResponseWrapper {

        WithoutChallenge(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
