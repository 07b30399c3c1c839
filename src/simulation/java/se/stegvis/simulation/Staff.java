package se.stegvis.simulation;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The people who work in Tasklist during the simulation: the existing members of each group (the demo users
 * handlaggare1/2, teamledare1, coach1, ...), sorted by user id. A task is claimed and completed as a person, with
 * that person's groups, exactly as Tasklist does it, so that the forms' listeners see who did what.
 */
final class Staff {

    private final IdentityService identity;
    private final TaskService tasks;
    private final Map<String, List<String>> members = new java.util.HashMap<>();
    /** Each person's groups, read once (the REST API's verified credentials remember them too). */
    private final Map<String, List<String>> groupsOf = new java.util.HashMap<>();

    Staff(IdentityService identity, TaskService tasks) {
        this.identity = identity;
        this.tasks = tasks;
    }

    /** The members of {@code group} sorted by id; refused when there are none. */
    List<String> of(String group) {
        return members.computeIfAbsent(group, g -> {
            List<String> ids = identity.createUserQuery().memberOfGroup(g).list().stream().map(User::getId).sorted().toList();
            if (ids.isEmpty()) {
                throw new IllegalStateException("Gruppen " + g + " har inga användare: simuleringen behöver demoanvändarna"
                        + " (stegvis.demo-users=true).");
            }
            return ids;
        });
    }

    /** The member of {@code group} who has the household (by its number), e.g. handlaggare1 or handlaggare2. */
    String responsible(String group, SimulatedHousehold household) {
        List<String> ids = of(group);
        return ids.get((household.number() - 1) % ids.size());
    }

    /** Another member than {@code not}, when the group has one. */
    String other(String group, String not) {
        return of(group).stream().filter(u -> !u.equals(not)).findFirst().orElse(of(group).get(0));
    }

    /** Takes the task afresh as {@code user} (given back first when someone holds it), as a coach reopening it. */
    void reclaim(Task task, String user) {
        if (task.getAssignee() != null) {
            tasks.setAssignee(task.getId(), null);
        }
        tasks.claim(task.getId(), user);
    }

    /** Claims (unless already assigned) and completes the task as {@code user}, with the form's variables. */
    void complete(Task task, String user, VariableMap variables) {
        if (task.getAssignee() == null) {
            tasks.claim(task.getId(), user);
        } else {
            user = task.getAssignee();
        }
        completeAs(task, user, variables);
    }

    /** Completes a task {@code user} has just {@link #reclaim reclaimed} (the task object still shows the old assignee). */
    void completeClaimed(Task task, String user, VariableMap variables) {
        completeAs(task, user, variables);
    }

    private void completeAs(Task task, String user, VariableMap variables) {
        List<String> groups = groupsOf.computeIfAbsent(user, u ->
                identity.createGroupQuery().groupMember(u).list().stream().map(Group::getId).toList());
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
