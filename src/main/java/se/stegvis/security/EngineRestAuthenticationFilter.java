package se.stegvis.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's authentication filter for the engine REST API with HTTP Basic, answered from {@link VerifiedCredentials}:
 * the user, their groups and tenants are handed to the engine as Camunda's own filter would, but a client sending
 * the same credentials again does not cost a password check and two queries each time. Unauthenticated requests get
 * 401 with Camunda's {@code WWW-Authenticate} challenge, as before.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    EngineRestAuthenticationFilter(VerifiedCredentials credentials) {
        this.authenticationProvider = new Provider(credentials);
    }

    /** The provider is set above; Camunda's init would instantiate one by class name without the cache. */
    @Override
    public void init(FilterConfig config) {
        servletPathPrefix = config.getInitParameter(SERVLET_PATH_PREFIX);
    }

    static final class Provider extends HttpBasicAuthenticationProvider {

        private static final String BASIC = "Basic ";
        private final VerifiedCredentials credentials;

        Provider(VerifiedCredentials credentials) {
            this.credentials = credentials;
        }

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.startsWith(BASIC)) {
                return AuthenticationResult.unsuccessful();
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return AuthenticationResult.unsuccessful();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return AuthenticationResult.unsuccessful();
            }
            String user = decoded.substring(0, colon);
            return credentials.verify(user, decoded.substring(colon + 1)).map(v -> {
                AuthenticationResult result = AuthenticationResult.successful(v.userId());
                result.setGroups(v.groups());
                result.setTenants(v.tenants());
                return result;
            }).orElseGet(() -> AuthenticationResult.unsuccessful(user));
        }
    }
}
