package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The history of a task outside every process — the task, its variables with their stored values and updates, its
 * identity links and operation log — is removed; the history of process tasks stays.
 */
class V15_71__HistoryOfTasksOutsideProcessesTest {

    @Test
    void removesTheHistoryOfTasksOutsideEveryProcess() {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:standalonetasks;DB_CLOSE_DELAY=-1", "sa", "", true);
        var flyway = Flyway.configure().dataSource(dataSource).table("stegvis_schema_history");
        flyway.target("15.70").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // The columns of Camunda's tables that the migration reads.
        jdbc.execute("create table act_ge_bytearray (id_ varchar(64) primary key)");
        jdbc.execute("create table act_hi_taskinst (id_ varchar(64) primary key, proc_inst_id_ varchar(64),"
                + " case_inst_id_ varchar(64), description_ varchar(4000))");
        jdbc.execute("create table act_hi_op_log (id_ varchar(64) primary key, task_id_ varchar(64),"
                + " proc_inst_id_ varchar(64), proc_def_key_ varchar(255), case_inst_id_ varchar(64))");
        jdbc.execute("create table act_hi_identitylink (id_ varchar(64) primary key, task_id_ varchar(64),"
                + " proc_def_key_ varchar(255))");
        for (String table : new String[] {"act_hi_varinst", "act_hi_detail"}) {
            jdbc.execute("create table " + table + " (id_ varchar(64) primary key, task_id_ varchar(64),"
                    + " execution_id_ varchar(64), case_execution_id_ varchar(64), bytearray_id_ varchar(64))");
        }
        jdbc.update("insert into act_hi_taskinst values ('fri', null, null, 'ring klienten'), ('t1', 'pi', null, null)");
        jdbc.update("insert into act_hi_op_log values ('o1', 'fri', null, null, null), ('o2', 't1', 'pi', 'klientresa',"
                + " null), ('o3', null, null, null, null)");
        jdbc.update("insert into act_hi_identitylink values ('l1', 'fri', null), ('l2', 't1', 'klientresa')");
        jdbc.update("insert into act_ge_bytearray values ('b1'), ('b2')");
        jdbc.update("insert into act_hi_varinst values ('v1', 'fri', null, null, 'b1'), ('v2', 't1', 'e1', null, 'b2'),"
                + " ('v3', null, 'e1', null, null)");
        jdbc.update("insert into act_hi_detail values ('d1', 'fri', null, null, null), ('d2', null, 'e1', null, null)");

        flyway.target("latest").load().migrate();

        assertThat(jdbc.queryForList("select id_ from act_hi_taskinst", String.class)).containsExactly("t1");
        assertThat(jdbc.queryForList("select id_ from act_hi_op_log order by id_", String.class))
                .containsExactly("o2", "o3");
        assertThat(jdbc.queryForList("select id_ from act_hi_identitylink", String.class)).containsExactly("l2");
        assertThat(jdbc.queryForList("select id_ from act_hi_varinst order by id_", String.class))
                .containsExactly("v2", "v3");
        assertThat(jdbc.queryForList("select id_ from act_hi_detail", String.class)).containsExactly("d2");
        assertThat(jdbc.queryForList("select id_ from act_ge_bytearray", String.class)).containsExactly("b2");
    }
}
