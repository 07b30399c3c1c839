package se.stegvis.identity;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Puts {@link UnitRoleIdentityProvider} in place of the engine's database identity provider, with the units of
 * {@code stegvis.units.names}. An engine configured with another identity provider (LDAP) keeps it: then the
 * unit-role groups must come from the directory (docs/sakerhet.md).
 */
@Configuration(proxyBeanMethods = false)
public class UnitRoleIdentityConfig {

    @Bean
    UnitRoleGroups unitRoleGroups(Environment environment) {
        return new UnitRoleGroups(Binder.get(environment)
                .bind("stegvis.units.names", Bindable.listOf(String.class)).orElse(List.of()));
    }

    @Bean
    ProcessEnginePlugin unitRoleIdentityPlugin(UnitRoleGroups unitRoles) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                if (configuration.getIdentityProviderSessionFactory() == null) {
                    configuration.setIdentityProviderSessionFactory(new UnitRoleIdentityProvider.Factory(unitRoles));
                }
            }
        };
    }
}
