package se.stegvis.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the metrics-only user of {@link MetricsUserProperties} in the group {@code overvakning} (which
 * {@link IdentitySetup} creates and grants nothing in the engine), and sets its password anew when the setting
 * changed. Camunda's password policy (on in the postgres profile) judges the password.
 */
@Component
public class MetricsUserSetup implements InitializingBean {

    private final IdentityService identity;
    private final MetricsUserProperties settings;

    public MetricsUserSetup(IdentityService identity, MetricsUserProperties settings, IdentitySetup groupsFirst) {
        this.identity = identity;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        if (!settings.configured()) {
            return;
        }
        String id = settings.username().strip();
        User user = identity.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identity.newUser(id);
            user.setFirstName("Prometheus");
            user.setLastName("Mätvärden");
            user.setPassword(settings.password());
            identity.saveUser(user);
        } else if (!identity.checkPassword(id, settings.password())) {
            user.setPassword(settings.password());
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(StegvisGroups.OVERVAKNING).count() == 0) {
            identity.createMembership(id, StegvisGroups.OVERVAKNING);
        }
    }
}
