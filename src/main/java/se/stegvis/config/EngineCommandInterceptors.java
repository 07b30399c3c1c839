package se.stegvis.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Adds Stegvis' interceptors to the engine's command chain, each plugin in turn, without dropping another's.
 *
 * <p>The chain of a command (Camunda 7.24, {@code ProcessEngineConfigurationImpl.initCommandInterceptorsTxRequired}
 * with {@code SpringTransactionsProcessEngineConfiguration.getDefaultCommandInterceptorsTxRequired}): the custom
 * <em>pre</em> interceptors, then the engine's own (exception codes, log, command counter, process application
 * context, <b>Spring's transaction</b>, <b>the command context</b>), then the custom <em>post</em> interceptors, then
 * the command. So a pre interceptor runs before any transaction or command context exists; a post interceptor runs
 * inside both, on the command's connection.
 */
public final class EngineCommandInterceptors {

    private EngineCommandInterceptors() {}

    /**
     * Adds {@code interceptor} to the interceptors that run before every command, before its transaction and command
     * context are opened, after those added before it. For a guard that refuses a command. For a plugin's
     * {@code preInit}.
     */
    public static void addBeforeEveryCommand(ProcessEngineConfigurationImpl configuration,
                                             CommandInterceptor interceptor) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(interceptor);
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /**
     * Adds {@code interceptor} to the interceptors that run inside every command's transaction and command context
     * ({@code Context.getCommandContext()} is the command's), just before the command, after those added before it.
     * Also for nested commands that reuse the outer command's context. For a plugin's {@code preInit}.
     */
    public static void addInsideEveryCommand(ProcessEngineConfigurationImpl configuration,
                                             CommandInterceptor interceptor) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(interceptor);
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    /**
     * Adds {@code factory} to the engine's custom session factories, after those added before it: the plug point where
     * a plugin puts its own version of one of the engine's managers (the session type the factory names) for every
     * command. For a plugin's {@code preInit}.
     */
    public static void addSessionFactory(ProcessEngineConfigurationImpl configuration, SessionFactory factory) {
        List<SessionFactory> sessions = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        sessions.add(factory);
        configuration.setCustomSessionFactories(sessions);
    }
}
