package se.stegvis.security;

import static se.stegvis.identity.StegvisGroups.CAMUNDA_ADMIN;
import static se.stegvis.identity.StegvisGroups.OVERVAKNING;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what.
 * <ul>
 *   <li>{@code /engine-rest/**}: Camunda's own HTTP Basic filter authenticates against the identity service and the
 *       engine's authorization checks decide (401 without credentials, 403 without the permission).</li>
 *   <li>{@code /api/**} and {@code /actuator/**}: HTTP Basic against the same users; group ids are authorities.
 *       Only the public trial calculation and the health endpoint are open. The key figures may also be read (GET
 *       only) with a Camunda webapp session, for the Cockpit plugin ({@link CamundaWebappSessionAuthenticationFilter}).</li>
 *   <li>The Camunda webapps keep their own session login and CSRF protection.</li>
 * </ul>
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    /** Paths anyone may call: the public trial calculation and its page. */
    public static final String[] PUBLIC_PATHS = {"/api/provberakning", "/api/provberakning/**"};

    /**
     * Paths that a user logged into the Camunda webapps may also read (GET) with that session: the key figures that
     * the Cockpit plugin "Nyckeltal" shows. Their own authorization rules apply as for HTTP Basic.
     */
    public static final String[] WEBAPP_SESSION_READABLE_PATHS = {"/api/nyckeltal", "/api/migreringar"};

    /**
     * Paths that a webapp user may also write (POST) with that session, only with the session's Camunda CSRF token:
     * the Cockpit page "Migrera instanser".
     */
    public static final String[] WEBAPP_SESSION_WRITABLE_PATHS = {"/api/migreringar"};

    private final ObjectMapper objectMapper;

    public SecurityConfig(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        // Authentication is done by ProcessEngineAuthenticationFilter (below), authorization by the engine.
        return http.securityMatcher("/engine-rest/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
                            ProcessEngine processEngine) throws Exception {
        var webappSession = new CamundaWebappSessionAuthenticationFilter(
                new OrRequestMatcher(java.util.Arrays.stream(WEBAPP_SESSION_READABLE_PATHS)
                        .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path)).toList()),
                new OrRequestMatcher(java.util.Arrays.stream(WEBAPP_SESSION_WRITABLE_PATHS)
                        .map(path -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path)).toList()),
                processEngine.getName(), provider);
        return http.securityMatcher("/api/**", "/actuator/**")
                .authenticationProvider(provider)
                .addFilterBefore(webappSession, BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        // Prometheus scrapes as a metrics-only user (group overvakning), which reads nothing else.
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyAuthority(CAMUNDA_ADMIN, OVERVAKNING)
                        .requestMatchers("/actuator/**").hasAuthority(CAMUNDA_ADMIN)
                        .anyRequest().authenticated())
                // 401 without a WWW-Authenticate challenge: a browser would show its login dialog and then send the
                // remembered credentials with requests that other sites' pages make it send.
                .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) ->
                        writeError(res, HttpServletResponse.SC_UNAUTHORIZED, "Inloggning krävs")))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) ->
                        writeError(res, HttpServletResponse.SC_FORBIDDEN, "Du saknar behörighet för detta")))
                // Basic clients send no cookies; the webapp session is accepted for reads (GET, HEAD) only.
                .csrf(c -> c.disable())
                // Never touch a session: a webapp session that authenticated a read (above) must keep its id, or
                // Cockpit's own calls running at the same time would find their session gone.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(f -> f.none()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webapps(HttpSecurity http) throws Exception {
        // Tasklist, Cockpit and Admin log in through Camunda's own session login, which has its own CSRF filter;
        // the static pages are public.
        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .build();
    }

    /** Camunda's HTTP Basic authentication of the engine REST API, with verified credentials remembered. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(VerifiedCredentials credentials) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EngineRestAuthenticationFilter(credentials));
        registration.setName("camunda-engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    /** Failed logins per source address, on every way in (limits from {@code stegvis.login.*}). */
    @Bean
    LoginRateLimiter loginRateLimiter(ApiEdgeProperties.Login login) {
        return new LoginRateLimiter(login.maxFailures(), login.window(), Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<LoginRateLimitFilter> loginRateLimit(LoginRateLimiter limiter) {
        FilterRegistrationBean<LoginRateLimitFilter> registration =
                new FilterRegistrationBean<>(new LoginRateLimitFilter(limiter, objectMapper));
        registration.setName("stegvis-login-rate-limit");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/actuator/*",
                "/camunda" + LoginRateLimitFilter.WEBAPP_LOGIN + "*");
        // Before Spring Security and Camunda's authentication filters: a paused source's password is not checked.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Origin, JSON and size of state-changing {@code /api} calls ({@link ApiEdgeFilter}). */
    @Bean
    FilterRegistrationBean<ApiEdgeFilter> apiEdges(ApiEdgeProperties.Api api) {
        FilterRegistrationBean<ApiEdgeFilter> registration = new FilterRegistrationBean<>(
                new ApiEdgeFilter((int) api.maxBodySize().toBytes(), api.allowedOrigins(), objectMapper));
        registration.setName("stegvis-api-edges");
        registration.addUrlPatterns("/api/*");
        // After Spring Security: who is not logged in gets 401 first.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<NoBrowserChallengeFilter> noBrowserChallenge() {
        FilterRegistrationBean<NoBrowserChallengeFilter> registration =
                new FilterRegistrationBean<>(new NoBrowserChallengeFilter());
        registration.setName("stegvis-no-browser-challenge");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    private void writeError(HttpServletResponse response, int status, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), body);
    }
}
