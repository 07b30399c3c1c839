package se.stegvis.client.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default authorizations, except that a task's candidate group is granted within the client's unit: a
 * candidate group {@code handlaggare} on a task of a client of Hageby gives READ, TASK_WORK and READ_VARIABLE to
 * {@code handlaggare-hageby} ({@link ClientTaskRouting#grantGroup(String, Task)}), whose members are the caseworkers
 * of Hageby and those who cover every unit (the engine's identity provider derives them, see
 * {@code se.stegvis.identity.UnitRoleGroups}). Camunda combines group grants with OR, so a grant to the bare role
 * would let every caseworker of the municipality see the task; this is the only grant the task's group gets.
 */
class ClientTaskAuthorizationProvider extends DefaultAuthorizationProvider {

    private final Supplier<ClientTaskRouting> routing;

    ClientTaskAuthorizationProvider(Supplier<ClientTaskRouting> routing) {
        this.routing = routing;
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        return super.newTaskGroupIdentityLink(task, routing.get().grantGroup(groupId, task), type);
    }
}
