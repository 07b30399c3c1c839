package se.stegvis.client.process;

import org.springframework.beans.factory.ObjectProvider;
import se.stegvis.client.AccessLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link ClientTaskRoutingPlugin}; the routing is looked up when a task is created (after the engine). */
@Configuration(proxyBeanMethods = false)
public class ClientTaskRoutingConfig {

    @Bean
    ClientTaskRoutingPlugin clientTaskRoutingPlugin(ObjectProvider<ClientTaskRouting> routing,
                                                    ObjectProvider<AccessLog> accessLog) {
        return new ClientTaskRoutingPlugin(routing::getObject, accessLog::getObject);
    }
}
