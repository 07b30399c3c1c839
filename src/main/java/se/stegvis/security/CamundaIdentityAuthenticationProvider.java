package se.stegvis.security;

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

/**
 * Checks HTTP Basic credentials against Camunda's identity service, so that the application's own API knows the
 * same users and groups as Tasklist and Cockpit. Each Camunda group becomes an authority named by the group id.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final VerifiedCredentials verifiedCredentials;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService,
                                                 VerifiedCredentials verifiedCredentials) {
        this.identityService = identityService;
        this.verifiedCredentials = verifiedCredentials;
    }

    /** Checked by the identity service, or answered from credentials it verified a moment ago ({@link VerifiedCredentials}). */
    @Override
    public Authentication authenticate(Authentication authentication) {
        Object credentials = authentication.getCredentials();
        return verifiedCredentials.verify(authentication.getName(), credentials == null ? null : credentials.toString())
                .map(v -> (Authentication) UsernamePasswordAuthenticationToken.authenticated(v.userId(), null,
                        v.groups().stream().map(SimpleGrantedAuthority::new).toList()))
                .orElseThrow(() -> new BadCredentialsException("Fel användarnamn eller lösenord"));
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
