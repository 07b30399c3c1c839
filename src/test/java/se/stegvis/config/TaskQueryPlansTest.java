package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.stegvis.support.StegvisSpringTest;

/**
 * On PostgreSQL the engine's task lists are planned with their values ({@code plan_cache_mode = force_custom_plan},
 * {@link TaskQueryPlans}), on the command's own connection and only for its transaction; every other statement keeps
 * PostgreSQL's default ({@code auto}).
 */
@StegvisSpringTest
class TaskQueryPlansTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    FilterService filters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    final List<String> createdFilters = new ArrayList<>();

    @AfterEach
    void tearDown() {
        createdFilters.forEach(filters::deleteFilter);
    }

    /** The mode and server process of the connection a command or statement runs on. */
    record Mode(String mode, int backend) {}

    @Test
    void aTaskQueryRunsWithCustomPlansOnItsOwnConnection() {
        RecordingTaskQuery query = new RecordingTaskQuery(commandExecutor());
        query.taskCandidateGroup("handlaggare").list();
        query.count();
        assertThat(query.seen).extracting(Mode::mode).containsExactly("force_custom_plan", "force_custom_plan");
    }

    @Test
    void otherCommandsAndStatementsKeepTheDefaultPlanCache() {
        assertThat(commandExecutor().execute(TaskQueryPlansTest::mode).mode()).isEqualTo("auto");
        assertThat(jdbcMode().mode()).isEqualTo("auto");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isNotNegative();

        // SET LOCAL: the connection the task query used plans as before once the query's transaction has ended.
        RecordingTaskQuery query = new RecordingTaskQuery(commandExecutor());
        query.count();
        int backend = query.seen.get(0).backend();
        Mode after = null;
        for (int i = 0; i < 50 && (after == null || after.backend() != backend); i++) {
            after = jdbcMode();   // the pool hands this thread its last connection first
        }
        assertThat(after.backend()).as("the task query's connection again").isEqualTo(backend);
        assertThat(after.mode()).isEqualTo("auto");
    }

    @Test
    void aFilterOfTasklistRunsWithCustomPlansInItsTransaction() {
        Filter filter = filters.newTaskFilter("Planeringstest");
        // No task has this group: singleResult answers null instead of refusing several.
        filter.setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup("planeringstest"));
        filters.saveFilter(filter);
        createdFilters.add(filter.getId());

        // The engine joins the surrounding transaction: what its command set is seen on the same connection after it.
        List<String> workers = new ArrayList<>();
        List<Mode> seen = new TransactionTemplate(transactions).execute(status -> {
            Mode before = jdbcMode();
            filters.count(filter.getId());
            workers.add(jdbc.queryForObject("select current_setting('max_parallel_workers_per_gather')", String.class));
            return List.of(before, jdbcMode());
        });
        assertThat(workers).as("a task list without parallel workers").containsExactly("0");
        assertThat(seen.get(0).mode()).isEqualTo("auto");
        assertThat(seen.get(1).backend()).isEqualTo(seen.get(0).backend());
        assertThat(seen.get(1).mode()).isEqualTo("force_custom_plan");

        for (Runnable execution : List.<Runnable>of(() -> filters.list(filter.getId()),
                () -> filters.listPage(filter.getId(), 0, 10),
                () -> filters.singleResult(filter.getId()))) {
            String mode = new TransactionTemplate(transactions).execute(status -> {
                execution.run();
                return jdbcMode().mode();
            });
            assertThat(mode).isEqualTo("force_custom_plan");
        }
    }

    @Test
    void theModeIsSetOncePerTransactionAndAnewInANewOne() {
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        List<Mode> seen = outer.execute(status -> {
            new RecordingTaskQuery(commandExecutor()).count();
            // Undone by hand: a second task query in the same transaction does not set it again.
            jdbc.execute("set local plan_cache_mode = auto");
            RecordingTaskQuery second = new RecordingTaskQuery(commandExecutor());
            second.count();
            // A new transaction (another connection) is set anew.
            RecordingTaskQuery inNew = inner.execute(s -> {
                RecordingTaskQuery q = new RecordingTaskQuery(commandExecutor());
                q.count();
                return q;
            });
            return List.of(second.seen.get(0), inNew.seen.get(0));
        });
        assertThat(seen.get(0).mode()).isEqualTo("auto");
        assertThat(seen.get(1).backend()).isNotEqualTo(seen.get(0).backend());
        assertThat(seen.get(1).mode()).isEqualTo("force_custom_plan");
    }

    private CommandExecutor commandExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }

    private Mode jdbcMode() {
        return jdbc.queryForObject("select current_setting('plan_cache_mode'), pg_backend_pid()",
                (r, n) -> new Mode(r.getString(1), r.getInt(2)));
    }

    /** The mode on the command's own connection, as the engine's statements see it. */
    static Mode mode(CommandContext commandContext) {
        try (Statement statement = commandContext.getDbSqlSession().getSqlSession().getConnection().createStatement();
             ResultSet r = statement.executeQuery("select current_setting('plan_cache_mode'), pg_backend_pid()")) {
            r.next();
            return new Mode(r.getString(1), r.getInt(2));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The engine's task query, recording the mode its statements run with. */
    static final class RecordingTaskQuery extends TaskQueryImpl {

        final List<Mode> seen = new ArrayList<>();

        RecordingTaskQuery(CommandExecutor commandExecutor) {
            super(commandExecutor);
        }

        @Override
        public List<Task> executeList(CommandContext commandContext, Page page) {
            seen.add(mode(commandContext));
            return super.executeList(commandContext, page);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            seen.add(mode(commandContext));
            return super.executeCount(commandContext);
        }
    }
}
