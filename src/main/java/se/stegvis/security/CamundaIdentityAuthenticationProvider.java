package se.stegvis.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import se.stegvis.identity.EserviceProperties;

/**
 * Checks HTTP Basic credentials against Camunda's identity service, so that the application's own API knows the
 * same users and groups as Tasklist and Cockpit. Each Camunda group becomes an authority named by the group id.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final VerifiedCredentials verifiedCredentials;
    private final EserviceProperties eservice;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService,
                                                 VerifiedCredentials verifiedCredentials, EserviceProperties eservice) {
        this.identityService = identityService;
        this.verifiedCredentials = verifiedCredentials;
        this.eservice = eservice;
    }

    /** Checked by the identity service, or answered from credentials it verified a moment ago ({@link VerifiedCredentials}). */
    @Override
    public Authentication authenticate(Authentication authentication) {
        Object credentials = authentication.getCredentials();
        String user = authentication.getName();
        if (user == null || user.isBlank() || credentials == null) {
            throw new BadCredentialsException("Fel användarnamn eller lösenord");
        }
        if (user.equals(eservice.username())) {
            if (!eserviceMatches(credentials.toString())) {
                throw new BadCredentialsException("Fel användarnamn eller lösenord");
            }
            return withGroups(user);
        }
        return verifiedCredentials.verify(user, credentials.toString())
                .map(v -> (Authentication) UsernamePasswordAuthenticationToken.authenticated(v.userId(), null,
                        v.groups().stream().map(SimpleGrantedAuthority::new).toList()))
                .orElseThrow(() -> new BadCredentialsException("Fel användarnamn eller lösenord"));
    }

    /**
     * The e-service's password is compared here (in constant time), never through Camunda's identity service, whose
     * failed-login lock a stranger could otherwise trip to stop the e-service; every other user is Camunda's.
     */
    private boolean eserviceMatches(String password) {
        return eservice.enabled() && MessageDigest.isEqual(sha256(password), sha256(eservice.password()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A user already authenticated elsewhere (the Camunda webapps' session login), with the groups they have now;
     * empty when the user no longer exists.
     */
    public Optional<Authentication> authenticatedUser(String user) {
        if (user == null || user.isBlank() || identityService.createUserQuery().userId(user).count() == 0) {
            return Optional.empty();
        }
        return Optional.of(withGroups(user));
    }

    private Authentication withGroups(String user) {
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
