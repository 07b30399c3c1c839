package se.stegvis.security;

import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetExternalTaskErrorDetailsCmd;
import org.camunda.bpm.engine.impl.cmd.GetHistoricExternalTaskLogErrorDetailsCmd;
import org.camunda.bpm.engine.impl.cmd.GetHistoricJobLogExceptionStacktraceCmd;
import org.camunda.bpm.engine.impl.cmd.GetJobExceptionStacktraceCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import se.stegvis.identity.StegvisGroups;
import se.stegvis.config.EngineCommandInterceptors;

/**
 * Stack traces of failed jobs and the error details of failed external tasks only for administrators: they can carry
 * data from the failing call that the incident's readable message leaves out. Process owners still see each incident
 * and its message in Cockpit. Enforced in the engine (a command interceptor), so it holds for the REST API, Cockpit
 * and any other caller with a user; the application's own code (no authenticated user) is not restricted.
 */
@Component
public class ErrorDetailsForAdministrators extends AbstractProcessEnginePlugin {

    private static final Set<Class<?>> DETAIL_COMMANDS = Set.of(GetJobExceptionStacktraceCmd.class,
            GetHistoricJobLogExceptionStacktraceCmd.class, GetExternalTaskErrorDetailsCmd.class,
            GetHistoricExternalTaskLogErrorDetailsCmd.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineCommandInterceptors.addBeforeEveryCommand(configuration, new Guard(configuration));
    }

    static final class Guard extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Guard(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (DETAIL_COMMANDS.contains(command.getClass())) {
                Authentication user = configuration.getIdentityService().getCurrentAuthentication();
                if (user != null && (user.getGroupIds() == null
                        || !user.getGroupIds().contains(StegvisGroups.CAMUNDA_ADMIN))) {
                    throw new AuthorizationException("Felets stackspår och detaljer visas bara för administratörer; "
                            + "incidentens meddelande säger vad som hände.");
                }
            }
            return next.execute(command);
        }
    }
}
