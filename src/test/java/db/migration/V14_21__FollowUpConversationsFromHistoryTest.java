package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An installation that ran journeys before Stegvis kept its own record of the follow-up conversations gets them
 * copied from Camunda's task history: due, end, held or cancelled; other tasks and processes are left out. A new
 * installation (no Camunda tables yet) migrates without copying.
 */
class V14_21__FollowUpConversationsFromHistoryTest {

    @Test
    void copiesTheFollowUpConversationsOfTheJourneysFromTaskHistory() {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:backfill;DB_CLOSE_DELAY=-1", "sa", "", true);
        var flyway = Flyway.configure().dataSource(dataSource).table("stegvis_schema_history");
        flyway.target("14.20").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // The columns of Camunda's ACT_HI_TASKINST that the copy and the later migrations read (V15_71: case_inst_id_).
        jdbc.execute("create table act_hi_taskinst (id_ varchar(64) primary key, proc_inst_id_ varchar(64),"
                + " proc_def_key_ varchar(255), task_def_key_ varchar(255), due_date_ timestamp, end_time_ timestamp,"
                + " delete_reason_ varchar(4000), case_inst_id_ varchar(64))");
        UUID client = UUID.randomUUID();
        UUID journey = UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.parse("2022-03-01T08:00:00Z"));
        jdbc.update("insert into client (id, personnummer, created_at) values (?, '189001019802', ?)", client, at);
        jdbc.update("insert into client_journey (id, client_id, status, started_at, started_by, process_instance_id)"
                + " values (?, ?, 'AKTIV', ?, 'coach1', 'pi-1')", journey, client, at);
        Timestamp due = Timestamp.from(Instant.parse("2022-03-08T08:00:00Z"));
        Timestamp ended = Timestamp.from(Instant.parse("2022-03-03T08:00:00Z"));
        task(jdbc, "held", "pi-1", "klientresa", "UserTask_FollowUp", due, ended, "completed");
        task(jdbc, "cancelled", "pi-1", "klientresa", "UserTask_FollowUp", due, ended, "deleted");
        task(jdbc, "open", "pi-1", "klientresa", "UserTask_FollowUp", due, null, null);
        task(jdbc, "no-due-date", "pi-1", "klientresa", "UserTask_FollowUp", null, null, null);
        task(jdbc, "other-task", "pi-1", "klientresa", "UserTask_Mapping", due, null, null);
        task(jdbc, "no-journey", "pi-2", "klientresa", "UserTask_FollowUp", due, null, null);

        flyway.target("latest").load().migrate();

        assertThat(jdbc.queryForList("select task_id from follow_up_conversation order by task_id", String.class))
                .containsExactly("cancelled", "held", "open");
        assertThat(jdbc.queryForObject("select completed from follow_up_conversation where task_id = 'held'",
                Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select completed from follow_up_conversation where task_id = 'cancelled'",
                Boolean.class)).isFalse();
        assertThat(jdbc.queryForObject("select due_at from follow_up_conversation where task_id = 'open'",
                java.time.OffsetDateTime.class).toInstant()).isEqualTo(due.toInstant());
        assertThat(jdbc.queryForObject("select journey_id from follow_up_conversation where task_id = 'held'",
                UUID.class)).isEqualTo(journey);
    }

    @Test
    void aNewInstallationHasNothingToCopy() {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:fresh;DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway.configure().dataSource(dataSource).table("stegvis_schema_history").load().migrate();
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from follow_up_conversation",
                Long.class)).isZero();
    }

    private static void task(JdbcTemplate jdbc, String id, String instance, String process, String task, Timestamp due,
                             Timestamp ended, String deleteReason) {
        jdbc.update("insert into act_hi_taskinst (id_, proc_inst_id_, proc_def_key_, task_def_key_, due_date_,"
                + " end_time_, delete_reason_) values (?, ?, ?, ?, ?, ?, ?)", id, instance, process, task, due, ended,
                deleteReason);
    }
}
