package se.stegvis.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static se.stegvis.identity.StegvisGroups.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * What each group may do in the engine, as one table (need to know): the grants {@link IdentitySetup} makes at every
 * start — and the only ones of these groups on these resources, so that what is not here is taken back from a
 * database that an earlier version granted more. Per task and per process instance the engine grants on its own (the
 * candidate groups and the assignee of a task get READ, TASK_WORK and READ_VARIABLE on that task); those are not
 * touched here. See docs/sakerhet.md for the same in words.
 */
public final class GroupGrants {

    /** The process caseworkers start themselves (its start form in Tasklist). */
    static final String APPLICATION_PROCESS = "ekonomiskt-bistand";

    /** One intended grant: a group, a resource, a resource id (ANY or an id) and the permissions. */
    public record Grant(String group, Resource resource, String resourceId, Set<Permission> permissions) {

        Grant(String group, Resource resource, String resourceId, Permission... permissions) {
            this(group, resource, resourceId, new LinkedHashSet<>(List.of(permissions)));
        }

        String key() {
            return group + "|" + resource.resourceType() + "|" + resourceId;
        }
    }

    /**
     * The grants, given the settings and who is who.
     *
     * @param processOwnersDeploy  {@code stegvis.models.process-owners-deploy}: process owners deploy (test environment)
     * @param caseWorkers          the users of the case-work groups: the only users case workers can list (Tasklist's
     *                             assignee and candidate names)
     * @param unitGroups           the unit groups (enhet-*)
     * @param filterIds            Stegvis' Tasklist filters
     */
    public static List<Grant> intended(boolean processOwnersDeploy, Collection<String> caseWorkers,
                                       Collection<String> unitGroups, Collection<String> filterIds) {
        List<Grant> grants = new ArrayList<>();
        // Administrators manage users and operate the engine. Stegvis' case APIs (/api) give them no case files.
        for (Resources r : Resources.values()) {
            grants.add(new Grant(CAMUNDA_ADMIN, r, ANY, Permissions.ALL));
        }
        Set<String> visibleGroups = new LinkedHashSet<>(CASE_WORK);
        visibleGroups.addAll(unitGroups);
        for (String g : CASE_WORK) {
            grants.add(new Grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
            grants.add(new Grant(g, Resources.PROCESS_DEFINITION, ANY, Permissions.READ));
            grants.add(new Grant(g, Resources.DECISION_DEFINITION, ANY, Permissions.READ));
            // Tasklist shows the names of colleagues and of the candidate groups; nobody else is listed.
            caseWorkers.forEach(user -> grants.add(new Grant(g, Resources.USER, user, Permissions.READ)));
            visibleGroups.forEach(group -> grants.add(new Grant(g, Resources.GROUP, group, Permissions.READ)));
            filterIds.forEach(filter -> grants.add(new Grant(g, Resources.FILTER, filter, Permissions.READ)));
        }
        // Starting a process: only the start form of the application process, and only for caseworkers and team leaders
        // (#12). Coaches, whom the application API refuses, start nothing; the other processes Stegvis starts itself.
        for (String g : List.of(HANDLAGGARE, SKYDDAD_IDENTITET, TEAMLEDARE)) {
            grants.add(new Grant(g, Resources.PROCESS_DEFINITION, APPLICATION_PROCESS, Permissions.READ,
                    Permissions.CREATE_INSTANCE));
            grants.add(new Grant(g, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));
        }
        // Team leaders: the tasks of their escalations and attests come per task (candidate group); Cockpit shows them
        // the models. No instance, history or variable read across the board.
        grants.add(new Grant(TEAMLEDARE, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        // Process owners: models, definitions, instances' state and incidents — never variables (the engine enforces
        // READ_INSTANCE_VARIABLE / READ_HISTORY_VARIABLE, which nobody but administrators has). They deploy only in a
        // test environment; in production only administrators do. Every deployment passes the model guard.
        grants.add(new Grant(PROCESSAGARE, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        // Their own tasks (a riksnorm to enter for a new year) are done in Tasklist: the task itself is granted per
        // task to its candidate group, as for everyone; here only the app and Stegvis' filters.
        grants.add(new Grant(PROCESSAGARE, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
        filterIds.forEach(filter -> grants.add(new Grant(PROCESSAGARE, Resources.FILTER, filter, Permissions.READ)));
        grants.add(processOwnersDeploy
                ? new Grant(PROCESSAGARE, Resources.DEPLOYMENT, ANY, Permissions.READ, Permissions.CREATE, Permissions.DELETE)
                : new Grant(PROCESSAGARE, Resources.DEPLOYMENT, ANY, Permissions.READ));
        grants.add(new Grant(PROCESSAGARE, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE, Permissions.UPDATE));
        grants.add(new Grant(PROCESSAGARE, Resources.DECISION_DEFINITION, ANY, Permissions.READ));
        grants.add(new Grant(PROCESSAGARE, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        visibleGroups.forEach(group -> grants.add(new Grant(PROCESSAGARE, Resources.GROUP, group, Permissions.READ)));
        // Managers: key figures (Stegvis' API, counted, never listed) and the models in Cockpit. No instance, task,
        // variable or history read.
        grants.add(new Grant(CHEF, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        grants.add(new Grant(CHEF, Resources.PROCESS_DEFINITION, ANY, Permissions.READ));
        grants.add(new Grant(CHEF, Resources.DECISION_DEFINITION, ANY, Permissions.READ));
        grants.add(new Grant(CHEF, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        // etjanst and loggranskare use Stegvis' API only: nothing in the engine.
        return grants;
    }

    /**
     * Whether {@link IdentitySetup} owns a grant of a managed group on this resource and id, i.e. reconciles it: every
     * grant on ANY, and the grants on applications, users, groups and filters. Grants the engine makes per task or per
     * process instance are not owned.
     */
    static boolean owned(Resource resource, String resourceId) {
        return ANY.equals(resourceId)
                || OWNED_RESOURCES.stream().anyMatch(owned -> owned.resourceType() == resource.resourceType());
    }

    /** The resources of which {@link IdentitySetup} owns every grant of a managed group, not only those on ANY. */
    static final List<Resource> OWNED_RESOURCES = List.of(Resources.APPLICATION, Resources.PROCESS_DEFINITION,
            Resources.USER, Resources.GROUP, Resources.FILTER);

    private GroupGrants() {}
}
