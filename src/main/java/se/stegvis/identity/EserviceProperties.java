package se.stegvis.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The e-service's technical client ({@code etjanst}): the user it calls {@code /api} as, and its password, from the
 * environment in production ({@code STEGVIS_ETJANST_USER}, {@code STEGVIS_ETJANST_PASSWORD}). The password is checked
 * by Stegvis itself, never by Camunda's identity service, so that wrong passwords sent by a stranger cannot lock the
 * account and stop the e-service (Camunda locks a user after repeated failed logins); guessing is slowed by the
 * per-source limit on failed logins instead. An empty password switches the e-service's access off.
 */
@ConfigurationProperties("stegvis.etjanst")
public record EserviceProperties(String username, String password) {

    public EserviceProperties {
        username = username == null || username.isBlank() ? StegvisGroups.ETJANST : username.strip();
        password = password == null ? "" : password;
    }

    public boolean enabled() {
        return !password.isBlank();
    }
}
