package se.stegvis.client.process;

import static se.stegvis.identity.StegvisGroups.SKYDDAD_IDENTITET;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import se.stegvis.client.AccessLog;
import se.stegvis.client.domain.Client;
import se.stegvis.config.ForbiddenException;
import se.stegvis.config.EngineCommandInterceptors;
import se.stegvis.config.TaskGrantLookup;

/**
 * Makes "the candidate group comes from the client" part of every user task of every process, without any model
 * naming it (Camunda's documented parse-listener plugin point, like {@code TaskCompletionPlugin}): each candidate
 * group expression of a user task is wrapped so that it answers {@code skyddad} for a client with protected identity
 * and the model's own group otherwise, within the client's unit ({@code handlaggare-hageby}), and an assignment listener refuses to give such a client's task to a user
 * outside {@code skyddad} or outside the client's unit. The engine's grant of each task goes to the candidate group
 * within the client's unit ({@link ClientTaskAuthorizationProvider}). A new task in an existing process, or a new
 * process whose feature names its client ({@link ClientProcesses}), is routed by this alone.
 */
public class ClientTaskRoutingPlugin extends AbstractProcessEnginePlugin {

    private final Supplier<ClientTaskRouting> routing;
    private final Supplier<AccessLog> accessLog;

    public ClientTaskRoutingPlugin(Supplier<ClientTaskRouting> routing, Supplier<AccessLog> accessLog) {
        this.routing = routing;
        this.accessLog = accessLog;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        TaskListener onAssignment = this::assigned;
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    TaskDefinition definition = behavior.getTaskDefinition();
                    Set<Expression> groups = definition.getCandidateGroupIdExpressions();
                    List<Expression> model = new ArrayList<>(groups);
                    groups.clear();
                    model.forEach(expression -> groups.add(new ClientGroupExpression(expression, routing)));
                    definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, onAssignment);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
        // A task's grant goes to the candidate group within the client's unit (ClientTaskRouting#grantGroup).
        configuration.setResourceAuthorizationProvider(new ClientTaskAuthorizationProvider(routing));
        // A query for a bare role (candidateGroup=handlaggare) finds the role's tasks in every unit the caller works in.
        EngineCommandInterceptors.addSessionFactory(configuration, new UnitCandidateGroupQueries.Factory(routing));
        // Every opened task of a client in the access log (TaskReadLog).
        EngineCommandInterceptors.addBeforeEveryCommand(configuration,
                new TaskReadLog(configuration, routing, accessLog));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // The statements UnitCandidateGroupQueries runs the task query with (the grants looked up per task).
        TaskGrantLookup.register(configuration);
    }

    void assigned(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null) {
            return;
        }
        ClientTaskRouting r = routing.get();
        Client client = r.clientOf(task.getExecution()).orElse(null);
        if (!r.mayBeAssigned(client != null && client.isProtectedIdentity(), assignee)) {
            throw new ForbiddenException("skyddad-identitet", "Klienten har skyddad identitet: uppgiften kan bara tas "
                    + "av någon i gruppen " + SKYDDAD_IDENTITET + ".");
        }
        if (!r.mayBeAssignedByUnit(client, assignee)) {
            throw new ForbiddenException("assignee", "Klienten hör till enhet " + client.getUnit()
                    + ": uppgiften kan bara tas av någon i den enheten (eller som arbetar för alla enheter).");
        }
    }

    /**
     * The model's candidate group expression, answering the groups the client calls for: {@code skyddad} instead for
     * a protected client, and the role within the client's unit ({@link ClientTaskRouting#candidateGroupsFor}).
     */
    static final class ClientGroupExpression implements org.camunda.bpm.engine.impl.el.Expression {

        private final Expression model;
        private final Supplier<ClientTaskRouting> routing;

        ClientGroupExpression(Expression model, Supplier<ClientTaskRouting> routing) {
            this.model = model;
            this.routing = routing;
        }

        @Override
        public Object getValue(VariableScope scope) {
            return getValue(scope, null);
        }

        @Override
        public Object getValue(VariableScope scope, BaseDelegateExecution contextExecution) {
            DelegateExecution execution = scope instanceof DelegateExecution e ? e
                    : scope instanceof DelegateTask t ? t.getExecution() : null;
            Object value = model instanceof org.camunda.bpm.engine.impl.el.Expression el
                    ? el.getValue(scope, contextExecution) : model.getValue(scope);
            if (execution == null) {
                return value;
            }
            ClientTaskRouting r = routing.get();
            Set<String> modelGroups = new LinkedHashSet<>();
            ClientTaskRouting.addGroups(value, modelGroups);
            return List.copyOf(r.candidateGroupsFor(r.clientOf(execution).orElse(null), modelGroups));
        }

        @Override
        public void setValue(Object value, VariableScope scope) {
            model.setValue(value, scope);
        }

        @Override
        public void setValue(Object value, VariableScope scope, BaseDelegateExecution contextExecution) {
            model.setValue(value, scope);
        }

        @Override
        public String getExpressionText() {
            return model.getExpressionText();
        }

        @Override
        public boolean isLiteralText() {
            return false;
        }
    }
}
