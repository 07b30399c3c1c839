package se.stegvis.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The engine's task lists planned with their values and without parallel workers on PostgreSQL, every other statement
 * with PostgreSQL's defaults.
 *
 * <p>A task list ({@code GET /engine-rest/task}, Tasklist's filters) joins the authorizations; a generic plan of that
 * prepared statement cannot see the values and guesses that few grants give READ, so it compares every task with every
 * grant (minutes on 150 000 open tasks: {@link AuthorizationStatistics}, BENCHMARKS.md). Planned with its values the
 * same statement looks each task's grants up in the index. Until 2026-12 the {@code postgres} profile forced that on
 * every statement of every connection ({@code plan_cache_mode = force_custom_plan}), which cost ~80 ms of PostgreSQL
 * CPU per monthly application; now only the commands that run a task query do, with {@code SET LOCAL} on the
 * command's own connection, so the setting ends with the command's transaction.
 *
 * <p>The commands: {@link TaskQueryImpl} itself (the REST task list and count, any {@code createTaskQuery()}) and
 * the filter executions ({@code ExecuteFilterListCmd}, {@code ...ListPageCmd}, {@code ...CountCmd},
 * {@code ...SingleResultCmd}): a filter's stored query is a {@code TaskQueryImpl} without a command executor, run
 * directly inside the filter's command, not as a command of its own through the chain. The interceptor runs inside
 * the command's transaction and command context ({@link EngineCommandInterceptors#addInsideEveryCommand}); it sets
 * the mode once per Spring transaction (a marker synchronization). H2 and other databases: nothing.
 */
@Component
public class TaskQueryPlans extends AbstractProcessEnginePlugin {

    /**
     * The statements run before a task query, on the command's connection: planned with its values, and without
     * parallel workers. A unit caseworker's list of 15 among 150 000 open tasks took 1.2–1.9 s when PostgreSQL walked
     * every task in creation order in two parallel workers (it guessed the unit's 311 tasks would turn up early), and
     * 0.07–0.23 s when it fetched the unit's tasks by the candidate group's index (BENCHMARKS.md, "Queries at national
     * scale"); a task list is a short query of one user among many, which parallel workers only slow down.
     */
    static final String PLAN_WITH_VALUES = "set local plan_cache_mode = force_custom_plan;"
            + " set local max_parallel_workers_per_gather = 0";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineCommandInterceptors.addInsideEveryCommand(configuration, new CustomPlans(configuration));
    }

    /** Whether {@code command} runs the engine's task query. */
    static boolean runsTaskQuery(Command<?> command) {
        return command instanceof TaskQueryImpl || command instanceof AbstractExecuteFilterCmd;
    }

    /** Sets the plan cache mode for a task query's transaction; must run inside the command context. */
    static final class CustomPlans extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        CustomPlans(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (runsTaskQuery(command) && DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())
                    && !alreadySetInThisTransaction()) {
                planWithValues(Context.getCommandContext());
            }
            return next.execute(command);
        }

        private static void planWithValues(CommandContext commandContext) {
            Connection connection = commandContext.getDbSqlSession().getSqlSession().getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute(PLAN_WITH_VALUES);
            } catch (SQLException e) {
                throw new ProcessEngineException("Could not set the task query's plan cache mode", e);
            }
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new SetInThisTransaction());
            }
        }

        /**
         * Whether a task query of the current Spring transaction already set the mode. A transaction suspended for a
         * new one takes its synchronizations with it, so the new transaction (another connection) sets it anew.
         */
        private static boolean alreadySetInThisTransaction() {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                return false;
            }
            for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                if (synchronization instanceof SetInThisTransaction) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The marker of a transaction whose connection plans with values; does nothing at commit or rollback. */
    private static final class SetInThisTransaction implements TransactionSynchronization {}
}
