package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
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
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

/**
 * Managers, process owners and team leaders read no client data through the engine's history API — also not in
 * the rows that have no process definition, for which the engine skips its authorization check (a task created
 * outside every process, with its variables and identity links) or checks another resource (a decision evaluated on
 * its own). After an application with a personnummer, an account, an income and reasons, an administrator — the only
 * one who may — creates such a task (a description and a variable with a client's details) and evaluates the
 * delegation table on its own with an amount; then none of {@code chef1}, {@code processagare1} and
 * {@code teamledare1} finds any of those values in {@code /engine-rest/history/*}, and the task left no history.
 */
@StegvisSpringTest
class HistoryAccessTest {

    /** The history lists a Cockpit or REST user could ask for, paged as the engine requires. */
    static final List<String> HISTORY = List.of("/engine-rest/history/variable-instance?",
            "/engine-rest/history/detail?", "/engine-rest/history/detail?formFields=true&",
            "/engine-rest/history/decision-instance?includeInputs=true&includeOutputs=true&",
            "/engine-rest/history/task?", "/engine-rest/history/user-operation?",
            "/engine-rest/history/identity-link-log?", "/engine-rest/history/process-instance?",
            "/engine-rest/history/activity-instance?");

    /** What these users may never read: values, not only rows. */
    static final List<String> NO_VALUES_AT_ALL = List.of("/engine-rest/history/variable-instance?",
            "/engine-rest/history/detail?", "/engine-rest/history/detail?formFields=true&",
            "/engine-rest/history/decision-instance?includeInputs=true&includeOutputs=true&");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    TaskService taskService;

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    Http http;
    ApplicationScenario scenario;
    String standaloneTask;
    String createdUser;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        scenario = new ApplicationScenario(context, port);
        ApplicationScenario.inNovember2025();
    }

    @AfterEach
    void tearDown() {
        ApplicationScenario.resetClock();
        if (standaloneTask != null && taskService.createTaskQuery().taskId(standaloneTask).count() > 0) {
            taskService.deleteTask(standaloneTask, true);
        }
        if (createdUser != null) {
            identityService.deleteUser(createdUser);
        }
    }

    @Test
    void managersProcessOwnersAndTeamLeadersReadNoClientDataInTheHistory() {
        String personnummer = new SyntheticPersonnummer(new Random(1371)).next().value();
        String holder = "Provperson Historiksson";
        String iban = "SE4550000000058398257466";
        String reasons = "Fritext-6173 om skulden till hyresvärden";
        String description = "Uppgift-4471 ring " + personnummer + " om läkarintyget";
        String note = "Anteckning-9052 klienten har ryggbesvär";
        long amount = 23_457;

        var created = http.postJson("/api/ansokningar", "etjanst", """
                {"personnummer":"%s","month":"2025-11","kind":"ATERANSOKAN","adults":1,"childrenAges":[],
                 "costs":{"housing":6100,"electricity":300},
                 "incomes":{"Lön":%d},"incomeKinds":{"Lön":"EMPLOYMENT"},
                 "payoutAccount":{"accountHolder":"%s","iban":"%s"}}
                """.formatted(personnummer, amount, holder, iban));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        UUID applicationId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        String pi = applications.findById(applicationId).orElseThrow().getProcessInstanceId();
        scenario.runIncomeCheck(pi);
        var task = scenario.task(pi, EkonomisktBistandProcess.TASK_INVESTIGATE);
        assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/claim", "handlaggare1",
                "{\"userId\":\"handlaggare1\"}").statusCode()).isEqualTo(204);
        var investigated = http.postJson("/engine-rest/task/" + task.getId() + "/submit-form", "handlaggare1", """
                {"variables":{"varningarKvitterade":{"value":true},"beslutsforslag":{"value":"AVSLAG"},
                 "beslutsmotivering":{"value":"%s"}}}""".formatted(reasons));
        assertThat(investigated.statusCode()).as(investigated.body()).isEqualTo(204);

        // An administrator's task outside every process, with a client's details in its description and a variable.
        standaloneTask = "fristaende-" + UUID.randomUUID();
        var standalone = http.postJson("/engine-rest/task/create", "admin", """
                {"id":"%s","name":"Ring klienten","description":"%s","assignee":"handlaggare1"}"""
                .formatted(standaloneTask, description));
        assertThat(standalone.statusCode()).as(standalone.body()).isEqualTo(204);
        var variable = http.send(http.request("/engine-rest/task/" + standaloneTask + "/variables/anteckning", "admin")
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"value\":\"" + note + "\",\"type\":\"String\"}", java.nio.charset.StandardCharsets.UTF_8))
                .build());
        assertThat(variable.statusCode()).as(variable.body()).isEqualTo(204);
        // A decision evaluated on its own, with an amount.
        var evaluated = http.postJson("/engine-rest/decision-definition/key/delegationsordning/evaluate", "admin", """
                {"variables":{"beslutsforslag":{"value":"BIFALL","type":"String"},
                 "ansokningstyp":{"value":"NYANSOKAN","type":"String"},
                 "beviljatBelopp":{"value":%d,"type":"Long"}}}""".formatted(amount));
        assertThat(evaluated.statusCode()).as(evaluated.body()).isEqualTo(200);

        // The rows are there where they should be (the queries below can find something) ...
        assertThat(http.get(page("/engine-rest/history/variable-instance?processInstanceId=" + pi + "&"), "admin")
                .body()).contains(EkonomisktBistandProcess.CALCULATED_AMOUNT);
        assertThat(jdbc.queryForObject("select count(*) from act_hi_decinst where dec_def_key_ = 'delegationsordning'"
                + " and proc_def_key_ is null", Integer.class)).isPositive();
        // ... but the task outside every process left none: no task, variable or identity link without a process.
        assertThat(jdbc.queryForObject("select count(*) from act_hi_taskinst where id_ = ?", Integer.class,
                standaloneTask)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where task_id_ = ?", Integer.class,
                standaloneTask)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_identitylink where task_id_ = ?", Integer.class,
                standaloneTask)).isZero();
        // Nor did any decision keep its inputs or outputs.
        assertThat(jdbc.queryForObject("select count(*) from act_hi_dec_in i join act_hi_decinst d"
                + " on d.id_ = i.dec_inst_id_ where d.dec_def_key_ = 'delegationsordning'", Integer.class)).isZero();

        List<String> secrets = List.of(personnummer, holder, iban, reasons, description, note, "Uppgift-4471",
                "Anteckning-9052");
        // The amount as a value, not inside an id, a time or a duration in milliseconds.
        Pattern amountInBody = Pattern.compile("(?<!\"duration\":)(?<![0-9A-Za-z-])23 ?457(?![0-9A-Za-z-])");
        for (String user : List.of("chef1", "processagare1", "teamledare1")) {
            for (String path : HISTORY) {
                HttpResponse<String> response = http.get(page(path), user);
                assertThat(response.statusCode()).as(user + " " + path).isIn(200, 403);
                String body = response.body();
                for (String secret : secrets) {
                    assertThat(body).as(user + " " + path).doesNotContain(secret);
                }
                assertThat(amountInBody.matcher(body).find()).as(user + " " + path + " the amount").isFalse();
                if (response.statusCode() == 200 && NO_VALUES_AT_ALL.contains(path)) {
                    assertThat(body).as(user + " " + path).isEqualTo("[]");
                }
                if (response.statusCode() == 200 && !user.equals("processagare1")) {
                    // Managers and team leaders read no history across the board (team leaders work per task).
                    assertThat(body).as(user + " " + path).isEqualTo("[]");
                }
            }
            HttpResponse<String> single = http.get(page("/engine-rest/history/task?taskId=" + standaloneTask + "&"), user);
            assertThat(single.statusCode()).isIn(200, 403);
            assertThat(single.body()).doesNotContain(description);
        }
    }

    @Test
    void administratorsChangesToUsersAndGroupsAreReadOnlyByAdministrators() {
        // An administrator makes a user and puts them in a group (Camunda's operation log: category Admin, no process).
        String user = "oplogg" + UUID.randomUUID().toString().substring(0, 8);
        createdUser = user;
        var created = http.postJson("/engine-rest/user/create", "admin", """
                {"profile":{"id":"%s","firstName":"Oda","lastName":"Operationslogg","email":"oda@example.se"},
                 "credentials":{"password":"Operationslogg-2025-Lang!"}}""".formatted(user));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        var member = http.send(http.request("/engine-rest/group/handlaggare/members/" + user, "admin")
                .PUT(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(member.statusCode()).as(member.body()).isEqualTo(204);
        // A caseworker claims a task of a process (category TaskWorker, with the process definition).
        var submitted = scenario.familyReadyForInvestigation(1372);
        var task = scenario.task(submitted.processInstanceId(), EkonomisktBistandProcess.TASK_INVESTIGATE);
        assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/claim", "handlaggare1",
                "{\"userId\":\"handlaggare1\"}").statusCode()).isEqualTo(204);

        String all = "/engine-rest/history/user-operation?";
        String ofProcess = all + "processInstanceId=" + submitted.processInstanceId() + "&";
        // Administrators read both (so the queries below can find the rows).
        assertThat(http.get(page(all + "entityType=User&"), "admin").body()).contains(user);
        assertThat(http.get(page(all + "entityType=Group%20membership&"), "admin").body()).contains(user);
        assertThat(http.get(page(ofProcess), "admin").body()).contains("\"operationType\":\"Claim\"");

        // Process owners (READ_HISTORY on every process definition) read the processes' log, not the administration.
        assertThat(http.get(page(ofProcess), "processagare1").body()).contains("\"operationType\":\"Claim\"");
        for (String path : List.of(all, all + "entityType=User&", all + "entityType=Group%20membership&",
                all + "category=Admin&", all + "categoryIn=Admin&", all + "categoryIn=Admin,TaskWorker&")) {
            HttpResponse<String> response = http.get(page(path), "processagare1");
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain(user).doesNotContain("\"category\":\"Admin\"");
        }
        assertThat(http.get(page(all + "category=Admin&"), "processagare1").body()).isEqualTo("[]");
        assertThat(http.get(all.replace("user-operation?", "user-operation/count?") + "category=Admin",
                "processagare1").body()).contains("\"count\":0");
        assertThat(http.get(all.replace("user-operation?", "user-operation/count?") + "category=Admin", "admin")
                .body()).doesNotContain("\"count\":0");
        // Asking for the processes' categories still answers them.
        assertThat(http.get(page(all + "categoryIn=Admin,TaskWorker&processInstanceId="
                + submitted.processInstanceId() + "&"), "processagare1").body())
                .contains("\"operationType\":\"Claim\"");
    }

    private static String page(String path) {
        return path + "firstResult=0&maxResults=500";
    }
}
