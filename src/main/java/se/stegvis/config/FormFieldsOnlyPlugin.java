package se.stegvis.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

/**
 * A person completes a task, or starts a process, with the fields of its form and nothing else (#12): completing
 * "Utred ansökan" with {@code attestGrupp} or {@code beraknatBelopp}, or starting {@code ekonomiskt-bistand} through
 * REST with an {@code applicationId}, is refused with HTTP 400 naming the variable, and nothing is stored. The fields
 * are those of the deployed Camunda Form of the task (its {@code formRef}) or of the process's start form; a task or
 * process without a form takes no variables from a person.
 *
 * <p>Only commands on behalf of an authenticated user are checked — engine-rest, Tasklist and Cockpit authenticate;
 * Stegvis' own services (the API's start, delegates, jobs) run as the engine. The check is a command interceptor
 * (Camunda's documented extension point) inside the command context; the submitted variables are read from the
 * engine's command objects, whose fields Camunda 7.24 keeps protected, by reflection (the test
 * {@code ControlDataApiTest} fails if a Camunda upgrade renames them).
 */
public class FormFieldsOnlyPlugin extends AbstractProcessEnginePlugin {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a start through the API submits (the command's input, not variables of a process). */
    private static final java.util.function.Function<ProcessInstantiationBuilderImpl, Map<String, Object>>
            SUBMITTED_START_VARIABLES = ProcessInstantiationBuilderImpl::getVariables;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineCommandInterceptors.addInsideEveryCommand(configuration, new Interceptor());
    }

    static final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            CommandContext context = Context.getCommandContext();
            if (context != null && context.getAuthenticatedUserId() != null) {
                check(command, context);
            }
            return next.execute(command);
        }
    }

    static void check(Command<?> command, CommandContext context) {
        if (command instanceof CompleteTaskCmd) {
            checkTask(context, (String) field(command, CompleteTaskCmd.class, "taskId"),
                    variables(field(command, CompleteTaskCmd.class, "variables")));
        } else if (command instanceof SubmitTaskFormCmd) {
            checkTask(context, (String) field(command, SubmitTaskFormCmd.class, "taskId"),
                    variables(field(command, SubmitTaskFormCmd.class, "properties")));
        } else if (command instanceof SubmitStartFormCmd) {
            checkStart(context, (String) field(command, SubmitStartFormCmd.class, "processDefinitionId"), null,
                    variables(field(command, SubmitStartFormCmd.class, "variables")));
        } else if (command instanceof StartProcessInstanceCmd) {
            var builder = (ProcessInstantiationBuilderImpl) field(command, StartProcessInstanceCmd.class,
                    "instantiationBuilder");
            checkStart(context, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
                    variables(SUBMITTED_START_VARIABLES.apply(builder)));
        }
    }

    private static void checkTask(CommandContext context, String taskId, Set<String> submitted) {
        if (submitted.isEmpty() || taskId == null || context.getTaskManager().findTaskById(taskId) == null) {
            return;
        }
        Set<String> allowed = withoutAuthorization(context, () -> formFields(() ->
                context.getProcessEngineConfiguration().getFormService().getDeployedTaskForm(taskId)));
        refuseOthers(submitted, allowed, "Uppgiften");
    }

    private static void checkStart(CommandContext context, String definitionId, String definitionKey,
                                   Set<String> submitted) {
        if (submitted.isEmpty()) {
            return;
        }
        String id = definitionId;
        if (id == null && definitionKey != null) {
            ProcessDefinitionEntity latest = context.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedLatestProcessDefinitionByKey(definitionKey);
            id = latest == null ? null : latest.getId();
        }
        if (id == null) {
            return;
        }
        String definition = id;
        Set<String> allowed = withoutAuthorization(context, () -> formFields(() ->
                context.getProcessEngineConfiguration().getFormService().getDeployedStartForm(definition)));
        refuseOthers(submitted, allowed, "Processen");
    }

    private static void refuseOthers(Set<String> submitted, Set<String> allowed, String what) {
        if (allowed == null) {
            return;
        }
        for (String name : submitted) {
            if (!allowed.contains(name)) {
                throw new InvalidRequestException(name, allowed.isEmpty()
                        ? what + " har inget formulär och tar inte emot uppgifter (" + name + ")."
                        : "Fältet " + name + " finns inte i formuläret: bara formulärets fält tas emot.");
            }
        }
    }

    /** The keys of a deployed form; empty for none; null for a form that is no Camunda Form (not checked). */
    private static Set<String> formFields(Callable<InputStream> form) {
        InputStream in;
        try {
            in = form.call();
        } catch (ProcessEngineException e) {
            // No form key (a task or process without a form) or the form is not deployed.
            return Set.of();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try (in) {
            JsonNode json = JSON.readTree(in);
            if (json == null || !json.has("components")) {
                return null;
            }
            Set<String> keys = new LinkedHashSet<>();
            collect(json.path("components"), keys);
            return keys;
        } catch (IOException e) {
            return null;
        }
    }

    private static void collect(JsonNode components, Set<String> into) {
        for (JsonNode c : components) {
            if (c.hasNonNull("key")) {
                into.add(c.get("key").asText());
            }
            if (c.hasNonNull("path")) {
                into.add(c.get("path").asText().split("\\.")[0]);
            }
            collect(c.path("components"), into);
        }
    }

    private static Set<String> variables(Object map) {
        return map instanceof Map<?, ?> m ? m.keySet().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)) : Set.of();
    }

    private static <T> T withoutAuthorization(CommandContext context, Callable<T> call) {
        try {
            return context.runWithoutAuthorization(call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A protected field of Camunda's command (7.24). */
    static Object field(Object command, Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field " + name
                    + ": the form-field check must follow the engine's upgrade", e);
        }
    }
}
