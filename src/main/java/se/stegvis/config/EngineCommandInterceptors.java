package se.stegvis.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Adds Stegvis' guards to the engine's command chain, each plugin in turn, without dropping another's. */
public final class EngineCommandInterceptors {

    private EngineCommandInterceptors() {}

    /**
     * Adds {@code interceptor} to the interceptors that run before every command, inside its transaction, after those
     * added before it. For a plugin's {@code preInit}.
     */
    public static void addBeforeEveryCommand(ProcessEngineConfigurationImpl configuration,
                                             CommandInterceptor interceptor) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(interceptor);
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
