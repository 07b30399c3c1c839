package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An installation whose engine recorded the inputs and outputs of decision evaluations loses them — with their stored
 * values and the collected sums — while the evaluations themselves, and other stored values, stay. A new
 * installation (no Camunda tables yet) migrates without removing anything.
 */
class V15_70__DecisionHistoryWithoutValuesTest {

    @Test
    void removesTheValuesOfEarlierDecisionEvaluations() {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:decisionvalues;DB_CLOSE_DELAY=-1", "sa", "", true);
        var flyway = Flyway.configure().dataSource(dataSource).table("stegvis_schema_history");
        flyway.target("15.50").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // The columns of Camunda's tables that the migration touches.
        jdbc.execute("create table act_ge_bytearray (id_ varchar(64) primary key, bytes_ blob)");
        jdbc.execute("create table act_hi_decinst (id_ varchar(64) primary key, dec_def_key_ varchar(255),"
                + " collect_value_ double precision)");
        for (String table : new String[] {"act_hi_dec_in", "act_hi_dec_out"}) {
            jdbc.execute("create table " + table + " (id_ varchar(64) primary key, dec_inst_id_ varchar(64),"
                    + " bytearray_id_ varchar(64), double_ double precision, long_ bigint, text_ varchar(4000))");
        }
        jdbc.update("insert into act_hi_decinst values ('d1', 'insatsval', null), ('d2', 'delegationsordning', 23456)");
        jdbc.update("insert into act_ge_bytearray values ('in-value', null), ('out-value', null), ('other', null)");
        jdbc.update("insert into act_hi_dec_in values ('i1', 'd1', null, null, null, 'true'),"
                + " ('i2', 'd2', null, null, 23456, null), ('i3', 'd1', 'in-value', null, null, null)");
        jdbc.update("insert into act_hi_dec_out values ('o1', 'd1', 'out-value', null, null, null),"
                + " ('o2', 'd2', null, null, null, 'ATTEST')");

        flyway.target("latest").load().migrate();

        assertThat(jdbc.queryForObject("select count(*) from act_hi_dec_in", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_dec_out", Long.class)).isZero();
        assertThat(jdbc.queryForList("select id_ from act_ge_bytearray", String.class)).containsExactly("other");
        assertThat(jdbc.queryForList("select id_ from act_hi_decinst order by id_", String.class))
                .containsExactly("d1", "d2");
        assertThat(jdbc.queryForObject("select count(*) from act_hi_decinst where collect_value_ is not null",
                Long.class)).isZero();
    }

    @Test
    void aNewInstallationHasNothingToRemove() {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:freshdecisions;DB_CLOSE_DELAY=-1", "sa", "", true);
        Flyway flyway = Flyway.configure().dataSource(dataSource).table("stegvis_schema_history").load();
        flyway.migrate();
        assertThat(java.util.Arrays.stream(flyway.info().applied()))
                .anySatisfy(m -> {
                    assertThat(m.getVersion().getVersion()).isEqualTo("15.70");
                    assertThat(m.getState().isFailed()).isFalse();
                });
    }
}
