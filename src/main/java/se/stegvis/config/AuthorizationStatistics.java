package se.stegvis.config;

import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells PostgreSQL how many of the engine's authorizations grant READ, so that the task lists stay usable with many
 * open tasks.
 *
 * <p>Every task list (Tasklist's filters, {@code GET /engine-rest/task}) joins the authorizations on
 * {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')} among those with {@code PERMS_ & 2 = 2} (READ) or
 * {@code PERMS_ & 64 = 64} (READ_TASK). PostgreSQL has no statistics for such a bit test and guesses that 0.5 % of
 * the rows pass it, while in Stegvis nearly all do: every open task has a grant for its candidate group (how the
 * engine keeps a protected client's tasks from everyone else). With that guess the planner compares every task with
 * every grant of the user's groups: on 150 000 open tasks, Tasklist's filter count took longer than two minutes
 * (BENCHMARKS.md, "Queries at national scale"). With statistics on the two expressions it looks each task's grants up
 * in the index on {@code RESOURCE_ID_} instead (a few seconds on the same data, under load).
 *
 * <p>The engine owns its tables and creates them when it starts, after Flyway has run, so the statistics are made
 * here, once the application is ready, on PostgreSQL only ({@code IF NOT EXISTS}: every node of a cluster may try).
 * The same estimate must hold for every execution of the prepared statement, which is why the engine's task queries
 * are also planned with their values ({@code plan_cache_mode = force_custom_plan}, set for their transaction only by
 * {@link TaskQueryPlans}): a generic plan cannot see the values and falls back to the guess.
 */
@Component
public class AuthorizationStatistics {

    /** The statistics objects, by name, with the expression each describes. */
    static final List<String[]> STATISTICS = List.of(
            new String[] {"stegvis_auth_perms_read", "(perms_ & 2)"},
            new String[] {"stegvis_auth_perms_read_task", "(perms_ & 64)"});

    /** The index on the grants' user. */
    static final String USER_INDEX = "stegvis_auth_user_id";

    private static final Logger log = LoggerFactory.getLogger(AuthorizationStatistics.class);

    private final JdbcTemplate jdbc;

    public AuthorizationStatistics(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensure() {
        if (!postgres()) {
            return;
        }
        try {
            boolean created = false;
            for (String[] statistic : STATISTICS) {
                Integer present = jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = ?",
                        Integer.class, statistic[0]);
                if (present == null || present == 0) {
                    jdbc.execute("create statistics if not exists " + statistic[0] + " on " + statistic[1]
                            + " from act_ru_authorization");
                    created = true;
                }
            }
            // The grants of the caller themselves (A.USER_ID_ in (user, '*')) are half of every task list's
            // authorization join; Camunda indexes only the group. With it, a unit caseworker's list of 15 on 150 000
            // open tasks took 16–23 ms instead of 96 (BENCHMARKS.md, "Queries at national scale").
            Integer index = jdbc.queryForObject("select count(*) from pg_indexes where indexname = ?", Integer.class,
                    USER_INDEX);
            if (index == null || index == 0) {
                jdbc.execute("create index if not exists " + USER_INDEX + " on act_ru_authorization (user_id_)");
                created = true;
            }
            if (created) {
                jdbc.execute("analyze act_ru_authorization");
                log.info("Statistics on the authorizations' READ bits created: task lists look grants up by task");
            }
        } catch (DataAccessException e) {
            // Another node made them at the same moment, or the user may not create statistics: the lists still
            // answer, only slower with many open tasks.
            log.warn("Could not create the statistics on act_ru_authorization: {}", e.getMostSpecificCause().getMessage());
        }
    }

    private boolean postgres() {
        return Databases.isPostgres(jdbc);
    }
}
