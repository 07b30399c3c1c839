package se.stegvis.integration.ssbtek;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationIncome;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ApplicationWarning;
import se.stegvis.application.domain.ApplicationWarning.Code;
import se.stegvis.application.domain.ApplicationWarningRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.client.domain.Personnummer;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.integration.ssbtek.RegisterRecord.Kind;
import se.stegvis.integration.ssbtek.RegisterRecord.Source;
import se.stegvis.norm.domain.Household;
import se.stegvis.norm.domain.IncomeKind;
import se.stegvis.norm.domain.ReasonableCosts;
import se.stegvis.support.StegvisSpringTest;

/** The income check through the engine: a tiny model with the external task, the worker driven by hand. */
@StegvisSpringTest
class IncomeCheckWorkerTest {

    static final String PROCESS = "ssbtek-test";
    static final String TASK = "Task_CheckIncome";
    static final YearMonth MONTH = YearMonth.of(2025, 3);

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ExternalTaskService externalTaskService;
    @Autowired IncomeCheckWorker worker;
    @Autowired IncomeCheckService incomeCheck;
    @Autowired LocalIncomeRegister register;
    @Autowired SsbtekProperties properties;
    @Autowired ClientRepository clients;
    @Autowired ApplicationRepository applications;
    @Autowired ApplicationWarningRepository warnings;
    @Autowired RegisterRecordRepository records;

    String deploymentId;
    final List<Client> createdClients = new ArrayList<>();
    final List<Application> createdApplications = new ArrayList<>();
    final List<RegisterRecord> createdRecords = new ArrayList<>();

    @BeforeEach
    void deployModel() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Test")
                .serviceTask(TASK).name("Kontrollera inkomster").camundaType("external")
                .camundaTopic(IncomeCheckTopic.TOPIC)
                .endEvent("EndEvent_Checked")
                .done();
        deploymentId = repositoryService.createDeployment().name(PROCESS)
                .addModelInstance(PROCESS + ".bpmn", model).deploy().getId();
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        register.setAvailable(true);
        repositoryService.deleteDeployment(deploymentId, true);
        for (Application a : createdApplications) {
            warnings.deleteAll(warnings.findByApplicationIdOrderById(a.getId()));
            applications.deleteById(a.getId());
        }
        clients.deleteAll(createdClients);
        records.deleteAll(createdRecords);
    }

    @Test
    void completesTheTaskAndStoresTheDifferencesAsWarnings() {
        Application application = singleWithSalary();
        String pi = start(application.getId());

        assertThat(worker.fetchAndHandle()).isEqualTo(1);

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi).finished().count())
                .isEqualTo(1);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi)
                .variableName(IncomeCheckTopic.REGISTER_CHECKED).singleResult().getValue()).isEqualTo(true);
        assertThat(codes(application)).containsExactly(Code.INKOMST_EJ_UPPGIVEN, Code.HUSHALL_ANDRAT,
                Code.BOENDEKOSTNAD_ANDRAD, Code.KOSTNAD_OVER_TAK);
        assertThat(applications.findById(application.getId()).orElseThrow().isRegisterChecked()).isTrue();
        Personnummer person = clients.findById(application.getClient().getId()).orElseThrow().getPersonnummer();
        assertThat(warnings.findByApplicationIdOrderById(application.getId())).allSatisfy(w -> {
            assertThat(w.getMessage()).doesNotContain(person.value(), person.formatted(), person.value().substring(2));
        });
        assertThat(worker.fetchAndHandle()).isZero();
    }

    @Test
    void runningTheCheckAgainDoesNotDuplicateAndKeepsAcknowledgements() {
        Application application = singleWithSalary();
        incomeCheck.check(application.getId());
        incomeCheck.check(application.getId());
        List<ApplicationWarning> first = warnings.findByApplicationIdOrderById(application.getId());
        assertThat(first).hasSize(4);

        ApplicationWarning acknowledged = first.get(0);
        acknowledged.acknowledge("handlaggare1", Instant.now());
        warnings.save(acknowledged);
        incomeCheck.check(application.getId());

        List<ApplicationWarning> again = warnings.findByApplicationIdOrderById(application.getId());
        assertThat(again).hasSize(4);
        assertThat(again).filteredOn(ApplicationWarning::isAcknowledged).singleElement()
                .satisfies(w -> assertThat(w.getId()).isEqualTo(acknowledged.getId()));
    }

    @Test
    void registerDownIsRetriedThenAnIncidentAndTheCaseworkerContinuesUnchecked() {
        Application application = singleWithSalary();
        String pi = start(application.getId());
        register.setAvailable(false);

        int attempts = 0;
        Date now = new Date();
        while (runtimeService.createIncidentQuery().processInstanceId(pi).count() == 0 && attempts < 10) {
            assertThat(worker.fetchAndHandle()).as("attempt %d", attempts + 1).isEqualTo(1);
            attempts++;
            // Not before the retry timeout: the task waits.
            assertThat(worker.fetchAndHandle()).isZero();
            now = new Date(now.getTime() + properties.retryTimeout().toMillis() + 1_000);
            ClockUtil.setCurrentTime(now);
        }

        assertThat(attempts).isEqualTo(properties.retries());
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi).singleResult();
        assertThat(incident.getIncidentMessage()).isEqualTo("Registret (SSBTEK) svarar inte");
        assertThat(incident.getIncidentType()).isEqualTo(Incident.EXTERNAL_TASK_HANDLER_TYPE);
        ExternalTask task = externalTaskService.createExternalTaskQuery().processInstanceId(pi).singleResult();
        assertThat(task.getRetries()).isZero();
        assertThat(externalTaskService.getExternalTaskErrorDetails(task.getId()))
                .contains(RegisterUnavailableException.class.getName());
        assertThat(warnings.findByApplicationIdOrderById(application.getId())).isEmpty();
        assertThat(applications.findById(application.getId()).orElseThrow().isRegisterChecked()).isFalse();

        // The manual path: the caseworker goes on with the warning, once however often it is asked for.
        incomeCheck.markUnchecked(application.getId());
        incomeCheck.markUnchecked(application.getId());
        assertThat(codes(application)).containsExactly(Code.UPPGIFTER_EJ_KONTROLLERADE);
        assertThat(warnings.findByApplicationIdOrderById(application.getId()).get(0).getMessage())
                .startsWith("Uppgifter ej kontrollerade mot register");

        // The register is back and an operator retries in Cockpit: the check runs and replaces the manual warning.
        register.setAvailable(true);
        externalTaskService.setRetries(task.getId(), 1);
        assertThat(worker.fetchAndHandle()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
        assertThat(codes(application)).doesNotContain(Code.UPPGIFTER_EJ_KONTROLLERADE).contains(Code.KOSTNAD_OVER_TAK);
    }

    @Test
    void anUnknownApplicationIsAnIncidentAtOnce() {
        UUID unknown = UUID.randomUUID();
        String pi = start(unknown);

        assertThat(worker.fetchAndHandle()).isEqualTo(1);

        Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getIncidentMessage())
                .isEqualTo("Inkomstkontrollen kunde inte göras: Ansökan " + unknown + " finns inte");
    }

    @Test
    void checksTheCoApplicantToo() {
        Personnummer coApplicant = synthetic();
        Application application = application(Household.of(2), 6_000,
                List.of(new ApplicationIncome("Lön", IncomeKind.EMPLOYMENT, 9_400)), coApplicant);
        record(application.getClient().getPersonnummer(), Source.SKV, Kind.INKOMST, "Lön", 9_400);
        record(coApplicant, Source.CSN, Kind.INKOMST, "Studiemedel", 3_400);
        record(coApplicant, Source.SKV, Kind.HUSHALLSSTORLEK, "Folkbokförda", 2);

        List<RegisterFinding> findings = incomeCheck.check(application.getId());

        assertThat(findings).extracting(RegisterFinding::code).containsExactly(Code.INKOMST_EJ_UPPGIVEN);
        assertThat(findings.get(0).message()).startsWith("CSN anger");
    }

    /** One adult, declares a salary of 9 400 kr and housing 7 400 kr; the registers also know bostadsbidrag. */
    Application singleWithSalary() {
        Application application = application(Household.of(1), 7_400,
                List.of(new ApplicationIncome("Lön", IncomeKind.EMPLOYMENT, 9_400)), null);
        Personnummer person = application.getClient().getPersonnummer();
        record(person, Source.SKV, Kind.INKOMST, "Lön Byggbolaget AB", 9_400);
        record(person, Source.FK, Kind.INKOMST, "Bostadsbidrag", 1_300);
        record(person, Source.SKV, Kind.HUSHALLSSTORLEK, "Folkbokförda", 2);
        record(person, Source.FK, Kind.BOENDEKOSTNAD, "Boendekostnad", 7_000);
        return application;
    }

    Application application(Household household, long housing, List<ApplicationIncome> incomes,
                            Personnummer coApplicant) {
        Client client = clients.save(new Client(synthetic(), Instant.now()));
        createdClients.add(client);
        Application application = new Application(client, MONTH, ApplicationKind.NYANSOKAN, household,
                new ReasonableCosts(housing, 0, 0, 0, 0), incomes, "etjanst", Instant.now());
        application.setCoApplicantPersonnummer(coApplicant);
        applications.save(application); // keep this instance: its client is loaded, the merged copy holds a proxy
        createdApplications.add(application);
        return application;
    }

    void record(Personnummer person, Source source, Kind kind, String description, long amount) {
        createdRecords.add(records.save(new RegisterRecord(person.value(), MONTH.toString(), source, kind,
                description, amount)));
    }

    String start(UUID applicationId) {
        return runtimeService.startProcessInstanceByKey(PROCESS,
                Variables.createVariables().putValue(IncomeCheckTopic.APPLICATION_ID, applicationId.toString())).getId();
    }

    List<Code> codes(Application application) {
        return warnings.findByApplicationIdOrderById(application.getId()).stream().map(ApplicationWarning::getCode)
                .toList();
    }

    static Personnummer synthetic() {
        return new SyntheticPersonnummer(new Random()).next();
    }
}
