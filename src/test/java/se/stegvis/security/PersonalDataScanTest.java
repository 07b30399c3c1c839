package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.journey.process.JourneyProcess.AGREED_WITH_CLIENT;
import static se.stegvis.journey.process.JourneyProcess.CHILDCARE_NEED;
import static se.stegvis.journey.process.JourneyProcess.CHOSEN_INTERVENTIONS;
import static se.stegvis.journey.process.JourneyProcess.DRIVING_LICENCE;
import static se.stegvis.journey.process.JourneyProcess.GOAL_OCCUPATION;
import static se.stegvis.journey.process.JourneyProcess.HEALTH_LIMITS_DESCRIPTION;
import static se.stegvis.journey.process.JourneyProcess.JOB_SEARCH_HOURS;
import static se.stegvis.journey.process.JourneyProcess.ORDER_IN_SEQUENCE;
import static se.stegvis.journey.process.JourneyProcess.PLACEMENT_ORDER;
import static se.stegvis.journey.process.JourneyProcess.PLAN_GOAL;
import static se.stegvis.journey.process.JourneyProcess.PLAN_OCCUPATION;
import static se.stegvis.journey.process.JourneyProcess.PLAN_STEPS;
import static se.stegvis.journey.process.JourneyProcess.TASK_MAPPING;
import static se.stegvis.journey.process.JourneyProcess.TASK_PLAN;
import static se.stegvis.journey.process.JourneyProcess.TASK_RECORD_MAPPING;
import static se.stegvis.journey.process.JourneyProcess.TASK_RECORD_PLAN;
import static se.stegvis.journey.process.JourneyProcess.WORK_HISTORY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.process.EkonomisktBistandProcess;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.Mapping;
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.Http;
import se.stegvis.support.JourneyScenario;
import se.stegvis.support.StegvisSpringTest;

/**
 * After an application (submitted, checked, calculated, investigated with reasons) and the start of a journey (the
 * kartläggning with work history and a health note, the first plan with its goal occupation and steps) on PostgreSQL,
 * none of the values submitted — personnummer, account holder's name, IBAN, the income amount, free text, the health
 * note, the plan's texts — is found in any text column of any {@code ACT_HI_*} table, in the history's stored values
 * ({@code ACT_GE_BYTEARRAY}), nor the income amount in the numeric columns of the variables' and decisions' history.
 * The decisions evaluated on the way (the delegation, insatsval) are recorded without their inputs and outputs. While
 * both instances still run — the application waits to make its letter after "Registrera beslut", the journey goes on
 * after "Registrera planering" — the free texts, the health note and the plan's texts are not in the running
 * variables ({@code ACT_RU_VARIABLE}) either: Stegvis' tables hold them.
 */
@StegvisSpringTest
class PersonalDataScanTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationRepository applications;

    Http http;
    ApplicationScenario scenario;
    JourneyScenario journeys;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        scenario = new ApplicationScenario(context, port);
        journeys = new JourneyScenario(context);
        ApplicationScenario.inNovember2025();
    }

    @AfterEach
    void tearDown() {
        ApplicationScenario.resetClock();
    }

    @Test
    void noSubmittedPersonalValueIsInTheEnginesHistory() {
        String personnummer = new SyntheticPersonnummer(new Random(1341)).next().value();
        String holder = "Provperson Skanningsson";
        String iban = "SE3550000000054910000003";
        String reasons = "Fritext-8841 om hyresskulden";
        String workHistory = "Städjobb-7720 på sjukhuset";
        String health = "Ryggbesvär-5512 sedan våren";
        String goal = "Yrkesmål-3390 tandsköterska";
        String planOccupation = "Planyrke-6604 hudterapeut";
        String planStep = "Plansteg-2718 besök hos arbetsterapeuten";
        var created = http.postJson("/api/ansokningar", "etjanst", """
                {"personnummer":"%s","month":"2025-11","kind":"ATERANSOKAN","adults":1,"childrenAges":[],
                 "costs":{"housing":6100,"electricity":300},
                 "incomes":{"Lön":23456},"incomeKinds":{"Lön":"EMPLOYMENT"},
                 "payoutAccount":{"accountHolder":"%s","iban":"%s"}}
                """.formatted(personnummer, holder, iban));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        UUID applicationId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        var application = applications.findById(applicationId).orElseThrow();
        String pi = application.getProcessInstanceId();
        UUID clientId = application.getClient().getId();
        scenario.runIncomeCheck(pi);
        var task = scenario.task(pi, EkonomisktBistandProcess.TASK_INVESTIGATE);
        assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/claim", "handlaggare1",
                "{\"userId\":\"handlaggare1\"}").statusCode()).isEqualTo(204);
        var investigated = http.postJson("/engine-rest/task/" + task.getId() + "/submit-form", "handlaggare1", """
                {"variables":{"varningarKvitterade":{"value":true},"beslutsforslag":{"value":"AVSLAG"},
                 "beslutsmotivering":{"value":"%s"}}}""".formatted(reasons));
        assertThat(investigated.statusCode()).as(investigated.body()).isEqualTo(204);
        // Before the decision the attest form still needs the reasons: they are in the running process.
        assertThat(runningTextVariablesContaining(reasons)).as("reasons before the decision").isNotEmpty();
        var attest = context.getBean(org.camunda.bpm.engine.TaskService.class).createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(EkonomisktBistandProcess.TASK_ATTEST).singleResult();
        if (attest != null) {
            assertThat(http.postJson("/engine-rest/task/" + attest.getId() + "/claim", "teamledare1",
                    "{\"userId\":\"teamledare1\"}").statusCode()).isEqualTo(204);
            assertThat(http.postJson("/engine-rest/task/" + attest.getId() + "/submit-form", "teamledare1",
                    "{\"variables\":{\"attestBeslut\":{\"value\":\"GODKANN\"}}}").statusCode()).isEqualTo(204);
        }
        scenario.executeJob(pi, EkonomisktBistandProcess.TASK_REGISTER_DECISION);
        assertThat(jdbc.queryForObject("select reasons from decision where application_id = ?", String.class,
                applicationId)).isEqualTo(reasons);

        Journey journey = journeys.started(clientId);
        journeys.complete(journey, TASK_MAPPING, Variables.createVariables()
                .putValue(Mapping.IN_EDUCATION_LEVEL, "GYMNASIAL").putValue(WORK_HISTORY, workHistory)
                .putValue(Mapping.IN_MONTHS_SINCE_LAST_JOB, 18L).putValue(Mapping.IN_SWEDISH_LEVEL, "SFI_C")
                .putValue(Mapping.IN_HEALTH_LIMITS, true).putValue(HEALTH_LIMITS_DESCRIPTION, health)
                .putValue(CHILDCARE_NEED, false).putValue(Mapping.IN_PARENTAL_LEAVE, false)
                .putValue(DRIVING_LICENCE, true).putValue(Mapping.IN_OWN_GOAL, "ARBETE")
                .putValue(GOAL_OCCUPATION, goal).putValue(Mapping.IN_READY_FOR_COMPANY_PLACEMENT, true));
        var management = context.getBean(ManagementService.class);
        var record = management.createJobQuery().processInstanceId(journey.getProcessInstanceId())
                .activityId(TASK_RECORD_MAPPING).singleResult();
        if (record != null) {
            management.executeJob(record.getId());
        }
        assertThat(jdbc.queryForObject("select count(*) from journey_mapping where journey_id = ? and health_limits_description = ?"
                + " and work_history = ? and goal_occupation = ?", Integer.class, journey.getId(), health, workHistory, goal)).isOne();
        // The first plan, agreed with the client: its texts go to the plan version and leave the process.
        journeys.complete(journey, TASK_PLAN, Variables.createVariables().putValue(PLAN_GOAL, "ARBETE")
                .putValue(PLAN_OCCUPATION, planOccupation).putValue(PLAN_STEPS, "2025-12-01 " + planStep)
                .putValue(CHOSEN_INTERVENTIONS, "[\"PRAKTIK\"]").putValue("timmarPraktik", 35L)
                .putValue(JOB_SEARCH_HOURS, 5L).putValue(PLACEMENT_ORDER, ORDER_IN_SEQUENCE)
                .putValue(AGREED_WITH_CLIENT, true));
        journeys.executeJob(journey, TASK_RECORD_PLAN);
        assertThat(jdbc.queryForObject("select count(*) from plan_version v join individual_plan p on p.id = v.plan_id"
                + " where p.journey_id = ? and v.goal_occupation = ?", Integer.class, journey.getId(), planOccupation))
                .isOne();
        try {
            // The history does have this case: the scan looks where the values would be.
            assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where proc_inst_id_ = ?", Integer.class,
                    pi)).isPositive();
            for (String value : List.of(personnummer, holder, iban, reasons, workHistory, health, goal, planOccupation,
                    planStep, "23456", "23 456")) {
                assertThat(historyTextColumnsContaining(value)).as(value).isEmpty();
                assertThat(jdbc.queryForObject("select count(*) from act_ge_bytearray where type_ = 3 and bytes_ is not"
                        + " null and position(convert_to(?, 'UTF8') in bytes_) > 0", Integer.class,
                        value)).as("stored history value with " + value).isZero();
            }
            // Both instances still run, with variables: the scan of the running variables looks where they would be.
            var runtime = context.getBean(org.camunda.bpm.engine.RuntimeService.class);
            for (String instance : List.of(pi, journey.getProcessInstanceId())) {
                assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).as(instance).isOne();
                assertThat(jdbc.queryForObject("select count(*) from act_ru_variable where proc_inst_id_ = ?",
                        Integer.class, instance)).as("running variables of " + instance).isPositive();
            }
            for (String value : List.of(reasons, workHistory, health, goal, planOccupation, planStep)) {
                assertThat(runningTextVariablesContaining(value)).as("running variable with " + value).isEmpty();
            }
            for (String table : List.of("act_hi_varinst", "act_hi_detail", "act_hi_dec_in", "act_hi_dec_out")) {
                assertThat(jdbc.queryForObject("select count(*) from " + table + " where long_ = 23456 or double_ = 23456",
                        Integer.class)).as(table + " income amount").isZero();
            }
            // The decisions were evaluated and recorded (the delegation with the amount; insatsval with the health
            // limits), without their inputs and outputs: the person's facts.
            for (String instance : List.of(pi, journey.getProcessInstanceId())) {
                assertThat(jdbc.queryForObject("select count(*) from act_hi_decinst where proc_inst_id_ = ?",
                        Integer.class, instance)).as("decisions evaluated in " + instance).isPositive();
                for (String table : List.of("act_hi_dec_in", "act_hi_dec_out")) {
                    assertThat(jdbc.queryForObject("select count(*) from " + table + " where dec_inst_id_ in"
                            + " (select id_ from act_hi_decinst where proc_inst_id_ = ?)", Integer.class, instance))
                            .as(table + " of " + instance).isZero();
                }
                assertThat(jdbc.queryForObject("select count(*) from act_hi_decinst where proc_inst_id_ = ?"
                        + " and collect_value_ is not null", Integer.class, instance)).isZero();
            }
        } finally {
            journeys.deleteJourneyProcesses(List.of(clientId));
        }
    }

    /** The names of the running variables (ACT_RU_VARIABLE, TEXT_ or TEXT2_) that hold the value. */
    private List<String> runningTextVariablesContaining(String value) {
        return jdbc.queryForList("select name_ from act_ru_variable where position(? in coalesce(text_, '')) > 0"
                + " or position(? in coalesce(text2_, '')) > 0", String.class, value, value);
    }

    /** Every text column of every ACT_HI_* table that has the value somewhere. */
    private static final String ENGINE_ID =
            "^([A-Za-z_][A-Za-z0-9_#-]*:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private List<String> historyTextColumnsContaining(String value) {
        List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name from information_schema.columns"
                + " where table_schema = current_schema() and lower(table_name) like 'act\\_hi\\_%'"
                + " and data_type in ('character varying', 'text', 'character')");
        assertThat(columns).as("the history tables' text columns").hasSizeGreaterThan(50);
        List<String> found = new ArrayList<>();
        for (Map<String, Object> c : columns) {
            String table = (String) c.get("table_name");
            String column = (String) c.get("column_name");
            // An id the engine made (a UUID, or an activity instance's "Task_X:" and a UUID) holds no one's data;
            // the income 23456 can turn up in its hex digits by chance.
            Integer n = jdbc.queryForObject("select count(*) from " + table + " where position(? in " + column + ") > 0"
                    + " and " + column + " !~ '" + ENGINE_ID + "'", Integer.class, value);
            if (n != null && n > 0) {
                found.add(table + "." + column);
            }
        }
        return found;
    }
}
