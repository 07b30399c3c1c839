package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.stegvis.application.process.EkonomisktBistandProcess;
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

/**
 * Personal data does not reach the engine's history: a submitted task form writes no form-field history and its text
 * (the decision's reasons) is in no ACT_HI_* row, while the process still has it; and the engine-aware migration
 * removes what earlier versions left there (form fields, personal variables with their updates and stored values),
 * keeping the rest.
 */
@StegvisSpringTest
class PersonalDataHistoryTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonalHistoryPurge purge;

    Http http;
    ApplicationScenario scenario;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        scenario = new ApplicationScenario(context, port);
        ApplicationScenario.inNovember2025();
    }

    @AfterEach
    void tearDown() {
        ApplicationScenario.resetClock();
    }

    @Test
    void aSubmittedTaskFormLeavesNoFormFieldAndNoTextInTheHistory() {
        var submitted = scenario.familyReadyForInvestigation(1331);
        String pi = submitted.processInstanceId();
        Task task = scenario.task(pi, EkonomisktBistandProcess.TASK_INVESTIGATE);
        String reasons = "Motivering 7731: inkomsterna täcker behovet";
        assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/claim", "handlaggare1",
                "{\"userId\":\"handlaggare1\"}").statusCode()).isEqualTo(204);
        var completed = http.postJson("/engine-rest/task/" + task.getId() + "/submit-form", "handlaggare1", """
                {"variables":{"varningarKvitterade":{"value":true},"beslutsforslag":{"value":"AVSLAG"},
                 "beslutsmotivering":{"value":"%s"}}}""".formatted(reasons));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

        // The process still has what its next task shows (the attest form), and the history has the routing flags ...
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE where PROC_INST_ID_ = ? and NAME_ = ?",
                Integer.class, pi, EkonomisktBistandProcess.REASONS)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = ?",
                Integer.class, pi, "beslutsforslag")).isOne();
        // ... but neither form-field history nor the text.
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where TYPE_ = 'FormProperty'", Integer.class))
                .isZero();
        assertThat(http.get("/engine-rest/history/detail?formFields=true&maxResults=100", "admin").body()).isEqualTo("[]");
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ? and (NAME_ = ?"
                + " or TEXT_ like ?)", Integer.class, pi, EkonomisktBistandProcess.REASONS, "%7731%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ? and (NAME_ = ?"
                + " or TEXT_ like ?)", Integer.class, pi, EkonomisktBistandProcess.REASONS, "%7731%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = ?",
                Integer.class, pi, EkonomisktBistandProcess.BASIS_TEXT)).as("the income basis text").isZero();
    }

    @Test
    void theMigrationRemovesWhatEarlierVersionsLeftAndKeepsTheRest() {
        String pi = "gammal-" + UUID.randomUUID();
        String personal = oldVariable(pi, EkonomisktBistandProcess.BASIS_TEXT, "Lön 23 456 kr");
        String reasons = oldVariable(pi, EkonomisktBistandProcess.REASONS, "Hälsoskäl, se läkarintyg");
        String kept = oldVariable(pi, "beslutsforslag", "BEVILJA");
        jdbc.update("insert into ACT_HI_DETAIL (ID_, TYPE_, PROC_INST_ID_, NAME_, TEXT_, TIME_, SEQUENCE_COUNTER_)"
                + " values (?, 'FormProperty', ?, 'personnummer', '18950101-0019', ?, 1)", UUID.randomUUID().toString(), pi,
                Timestamp.from(Instant.now()));

        PersonalHistoryPurge.Purged purged = purge.purge();

        assertThat(purged.formFields()).isGreaterThanOrEqualTo(1);
        assertThat(purged.variables()).isGreaterThanOrEqualTo(2);
        assertThat(count("ACT_HI_VARINST", "ID_", personal) + count("ACT_HI_VARINST", "ID_", reasons)).isZero();
        assertThat(count("ACT_HI_DETAIL", "VAR_INST_ID_", personal) + count("ACT_HI_DETAIL", "VAR_INST_ID_", reasons))
                .isZero();
        assertThat(count("ACT_GE_BYTEARRAY", "ID_", "ba-" + personal)).as("the stored value").isZero();
        assertThat(count("ACT_HI_DETAIL", "PROC_INST_ID_", pi)).as("only the kept variable's update")
                .isEqualTo(1);
        assertThat(count("ACT_HI_VARINST", "ID_", kept)).isOne();
        assertThat(count("ACT_GE_BYTEARRAY", "ID_", "ba-" + kept)).isOne();
        // Idempotent.
        assertThat(purge.purge()).isEqualTo(new PersonalHistoryPurge.Purged(0, 0, 0, 0));

        // The kept rows have no process definition, so no authorization hides them: remove them for the other tests.
        jdbc.update("delete from ACT_HI_DETAIL where PROC_INST_ID_ = ?", pi);
        jdbc.update("delete from ACT_HI_VARINST where PROC_INST_ID_ = ?", pi);
        jdbc.update("delete from ACT_GE_BYTEARRAY where ID_ = ?", "ba-" + kept);
    }

    /** A historic variable as an earlier version wrote it: the variable, one update, and a stored value. */
    private String oldVariable(String pi, String name, String text) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into ACT_GE_BYTEARRAY (ID_, REV_, NAME_, BYTES_, TYPE_, CREATE_TIME_) values (?, 1, ?, ?, 3, ?)",
                "ba-" + id, name, text.getBytes(StandardCharsets.UTF_8), now);
        jdbc.update("insert into ACT_HI_VARINST (ID_, PROC_INST_ID_, NAME_, VAR_TYPE_, REV_, TEXT_, BYTEARRAY_ID_, STATE_,"
                + " CREATE_TIME_) values (?, ?, ?, 'string', 1, ?, ?, 'CREATED', ?)", id, pi, name, text, "ba-" + id, now);
        jdbc.update("insert into ACT_HI_DETAIL (ID_, TYPE_, PROC_INST_ID_, NAME_, VAR_INST_ID_, VAR_TYPE_, TEXT_, TIME_,"
                + " SEQUENCE_COUNTER_) values (?, 'VariableUpdate', ?, ?, ?, 'string', ?, ?, 1)",
                UUID.randomUUID().toString(), pi, name, id, text, now);
        return id;
    }

    private int count(String table, String column, String value) {
        return jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class, value);
    }
}
