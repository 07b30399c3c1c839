package se.stegvis.client.process;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import se.stegvis.config.TaskGrantLookup;

/**
 * A task query for a bare case-work role ({@code candidateGroup=handlaggare}, {@code candidateGroupIn}) asks for the
 * role in every unit: a task of a client of Hageby has the candidate group {@code handlaggare-hageby}
 * ({@link ClientTaskRouting#candidateGroupsFor}). So before the query runs, the role is widened to itself and the
 * role within the units the caller works in — the only ones whose tasks the engine's authorization check lets them
 * see — or within every configured unit when no check applies (the application's own code, administrators). Tasklist,
 * the engine's REST API and any client that lists {@code candidateGroup=handlaggare} find the same tasks as before;
 * the engine's query starts from the caller's unit instead of every task of the role in the municipality.
 *
 * <p>The same manager runs the engine's task query in Stegvis' form ({@link TaskGrantLookup}): the caller's grants
 * looked up for each task rather than joined to all of them — the same rule, without comparing every task with every
 * grant.
 *
 * <p>Done where every task query runs — the engine's {@link TaskManager}, which this replaces (Camunda's session
 * factory plug point, {@link Factory}) — so a query from the Java API, the REST API or a saved filter is widened alike.
 * The engine has no setter that widens a query's candidate group, so its fields are written by reflection; a Camunda
 * upgrade that renames them fails at start ({@link #field}), never silently.
 */
class UnitCandidateGroupQueries extends TaskManager {

    private static final Field CANDIDATE_GROUP = field("candidateGroup");
    private static final Field CANDIDATE_GROUPS = field("candidateGroups");
    private static final Field CACHED_CANDIDATE_GROUPS = field("cachedCandidateGroups");

    private final Supplier<ClientTaskRouting> routing;

    UnitCandidateGroupQueries(Supplier<ClientTaskRouting> routing) {
        this.routing = routing;
    }

    @Override
    public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
        widen(query);
        configureQuery(query);
        return getDbEntityManager().selectList(
                TaskGrantLookup.applies(query) ? TaskGrantLookup.LIST : "selectTaskByQueryCriteria", query);
    }

    @Override
    public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
        widen(query);
        configureQuery(query);
        return (Long) getDbEntityManager().selectOne(
                TaskGrantLookup.applies(query) ? TaskGrantLookup.COUNT : "selectTaskCountByQueryCriteria", query);
    }

    private void widen(TaskQueryImpl query) {
        Set<String> callerGroups = callerGroups();
        // The query itself and its or-queries (the engine's list starts with the query).
        query.getQueries().forEach(part -> widen(part, callerGroups));
    }

    /**
     * The caller's groups when the engine checks their authorizations in this command; null when it checks none (the
     * application's own code, an administrator), so the role is widened to every configured unit.
     */
    private Set<String> callerGroups() {
        CommandContext context = Context.getCommandContext();
        Authentication caller = context.getAuthentication();
        if (!context.getProcessEngineConfiguration().isAuthorizationEnabled()
                || !context.isAuthorizationCheckEnabled() || caller == null
                || getAuthorizationManager().isCamundaAdmin(caller)) {
            return null;
        }
        return caller.getGroupIds() == null ? Set.of() : new LinkedHashSet<>(caller.getGroupIds());
    }

    @SuppressWarnings("unchecked")
    private void widen(TaskQueryImpl query, Set<String> callerGroups) {
        try {
            String group = (String) CANDIDATE_GROUP.get(query);
            List<String> groups = (List<String>) CANDIDATE_GROUPS.get(query);
            if (group != null && groups == null) {
                List<String> widened = routing.get().roleWithinUnits(group, callerGroups);
                if (widened.size() > 1) {
                    CANDIDATE_GROUP.set(query, null);
                    CANDIDATE_GROUPS.set(query, widened);
                    CACHED_CANDIDATE_GROUPS.set(query, null);
                }
            } else if (group == null && groups != null) {
                Set<String> widened = new LinkedHashSet<>();
                groups.forEach(g -> widened.addAll(routing.get().roleWithinUnits(g, callerGroups)));
                if (widened.size() > groups.size()) {
                    CANDIDATE_GROUPS.set(query, new ArrayList<>(widened));
                    CACHED_CANDIDATE_GROUPS.set(query, null);
                }
            }
            // Both set (a group and a list, which the engine intersects): left as asked.
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("The task query's candidate groups cannot be widened", e);
        }
    }

    private static Field field(String name) {
        try {
            Field field = TaskQueryImpl.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            // A Camunda upgrade changed the query: fail at start rather than lose the tasks of every unit.
            throw new IllegalStateException("TaskQueryImpl has no field '" + name + "'", e);
        }
    }

    /** Opens this manager for every command, in place of Camunda's {@code TaskManager}. */
    record Factory(Supplier<ClientTaskRouting> routing) implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return TaskManager.class;
        }

        @Override
        public Session openSession() {
            return new UnitCandidateGroupQueries(routing);
        }
    }
}
