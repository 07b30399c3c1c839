package se.stegvis.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks with the caller's groups as they are, without first reading the group of every
 * authorization in the database.
 *
 * <p>Before it builds a check or a query's authorization join, Camunda's {@link AuthorizationManager} narrows the
 * caller's groups to those that have at least one authorization ({@code filterAuthenticatedGroupIds}); to know them it
 * runs {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} once in every command that checks an authorization,
 * and that statement reads every row. Stegvis grants every open task to its candidate group (how a protected client's
 * task is kept from everyone else), so the table has a row per open task: at national scale (151 745 authorizations)
 * the statement took 14–28 ms, in every such command, and Tasklist's list as HAL runs four (BENCHMARKS.md, "Queries at
 * national scale").
 *
 * <p>The narrowing never changes an answer: each check and each authorization join asks for rows whose
 * {@code GROUP_ID_} is one of the caller's groups, and a group without authorizations has no such rows. So the groups
 * are passed on as the caller has them (each once). Nothing is remembered between commands: a grant made now counts
 * in the next command, as in the engine, and the only cost is a group or two more in an {@code IN} list.
 *
 * <p>Done where the engine asks — its {@code AuthorizationManager}, replaced through Camunda's session factory plug
 * point like {@code UnitCandidateGroupQueries} replaces the task manager. Every other method is the engine's own.
 */
@Component
public class AuthorizationGroupsAsGiven extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineCommandInterceptors.addSessionFactory(configuration, new Factory());
    }

    /** The engine's authorization manager, without the narrowing of the caller's groups. */
    static class Manager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
                return EMPTY_LIST;
            }
            return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
        }
    }

    /** Opens {@link Manager} for every command, in place of Camunda's {@code AuthorizationManager}. */
    static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new Manager();
        }
    }
}
