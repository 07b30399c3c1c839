package se.stegvis.client.process;

import java.lang.reflect.Field;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.stegvis.client.AccessLog;
import se.stegvis.client.domain.Client;

/**
 * Writes an opened task of a client to the {@link AccessLog}: Tasklist loads a task's data with the engine's task
 * form variables (or, for a task without a form, its variables), through {@code /engine-rest} or the webapps' own
 * engine API — both run the engine commands this interceptor sees, so it is the one server-side place where every
 * opening passes. A line is written when an authenticated user (the REST filters and the webapps set one) read the
 * variables of a task that belongs to a client: user, client id, {@code uppgift <task definition key>}, the task id;
 * NEKAD when the engine refused the read. Reads by Stegvis' own code (no authenticated user) are not logged here —
 * the {@code /api} controllers log theirs through ClientAccess.
 */
public class TaskReadLog extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(TaskReadLog.class);

    static final String WHAT = "uppgift";

    private final ProcessEngineConfigurationImpl configuration;
    private final Supplier<ClientTaskRouting> routing;
    private final Supplier<AccessLog> accessLog;

    public TaskReadLog(ProcessEngineConfigurationImpl configuration, Supplier<ClientTaskRouting> routing,
                       Supplier<AccessLog> accessLog) {
        this.configuration = configuration;
        this.routing = routing;
        this.accessLog = accessLog;
    }

    @Override
    public <T> T execute(Command<T> command) {
        String taskId = taskIdOf(command);
        Authentication user = taskId == null ? null : configuration.getIdentityService().getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            return next.execute(command);
        }
        T result;
        try {
            result = next.execute(command);
        } catch (AuthorizationException e) {
            write(user.getUserId(), taskId, AccessLog.Outcome.NEKAD);
            throw e;
        }
        write(user.getUserId(), taskId, AccessLog.Outcome.VISAD);
        return result;
    }

    private void write(String userId, String taskId, AccessLog.Outcome outcome) {
        TaskClient taskClient = configuration.getCommandExecutorTxRequired().execute(clientOfTask(taskId));
        if (taskClient != null) {
            accessLog.get().read(userId, taskClient.clientId(), WHAT + " " + taskClient.taskKey(), taskId, outcome);
        }
    }

    record TaskClient(UUID clientId, String taskKey) {}

    private Command<TaskClient> clientOfTask(String taskId) {
        return context -> {
            boolean checks = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                if (task == null || task.getExecution() == null) {
                    return null;
                }
                Optional<UUID> client = routing.get().clientOf(task.getExecution()).map(Client::getId);
                return client.map(id -> new TaskClient(id, task.getTaskDefinitionKey())).orElse(null);
            } finally {
                context.setAuthorizationCheckEnabled(checks);
            }
        };
    }

    /** The task whose data the command reads; null for any other command. */
    static String taskIdOf(Command<?> command) {
        if (command instanceof GetTaskFormVariablesCmd form) {
            return form.resourceId;
        }
        if (command instanceof GetTaskVariablesCmd || command instanceof GetTaskVariableCmd
                || command instanceof GetTaskVariableCmdTyped) {
            return (String) field(command, "taskId");
        }
        return null;
    }

    /** The engine keeps a task variable command's task id in a protected field (no getter). */
    private static Object field(Object command, String name) {
        try {
            Field field = command.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(command);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Cannot read {} of {}: the task read is not logged", name, command.getClass().getSimpleName());
            return null;
        }
    }
}
