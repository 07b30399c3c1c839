package se.stegvis.norm.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static se.stegvis.norm.process.RiksnormUpdateProcess.*;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.stegvis.identity.StegvisGroups;
import se.stegvis.norm.domain.DeployedDecisions;
import se.stegvis.norm.domain.RiksnormTable;

@Deployment(resources = {"processes/riksnorm-uppdatering.bpmn", "processes/riksnorm.dmn", "forms/riksnorm-uppdatering.form"})
class RiksnormUpdateProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    ProcessEngine processEngine;
    RiksnormRequests requests;
    String waitingModel;

    @BeforeEach
    void registerDelegates() {
        // Name the engine for camunda-bpm-assert: a Spring test in the same JVM registers the application's too.
        init(processEngine);
        RiksnormTable table = new RiksnormTable(new DeployedDecisions(processEngine.getRepositoryService()));
        requests = new RiksnormRequests(processEngine.getRuntimeService(), table);
        Mocks.register("checkNormYearDelegate", new CheckNormYearDelegate(table));
        Mocks.register("resumeWaitingApplicationsDelegate", new ResumeWaitingApplicationsDelegate(requests));
        // A process that waits for a year's riksnorm as ekonomiskt-bistand does: the variable and the message.
        waitingModel = processEngine.getRepositoryService().createDeployment()
                .addModelInstance("vantar.bpmn", Bpmn.createExecutableProcess("vantar-pa-riksnorm-test")
                        .camundaHistoryTimeToLive(1)
                        .startEvent()
                        .intermediateCatchEvent("CatchEvent_NormAvailable").message(MESSAGE_NORM_AVAILABLE)
                        .endEvent("EndEvent_Calculated")
                        .done())
                .deploy().getId();
    }

    @AfterEach
    void reset() {
        processEngine.getRepositoryService().deleteDeployment(waitingModel, true);
        Mocks.reset();
        ClockUtil.reset();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
    }

    @Test
    void endsWhenTheNormForTheYearIsPresent() {
        ProcessInstance pi = requestCheck(2024);
        assertThat(pi).isWaitingAt(TASK_CHECK_NORM_YEAR);
        execute(job());
        assertThat(pi).hasPassed(GATEWAY_NORM_PRESENT).isWaitingAt(TASK_RESUME_WAITING);
        assertThat(pi).variables().containsEntry(VAR_NORM_PRESENT, true);
        execute(job());
        assertThat(pi).isEnded().hasPassed(END_NORM_PRESENT);
    }

    @Test
    void aNewVersionOfTheNormResumesTheProcessesWaitingForAYearItHas() {
        ProcessInstance for2024 = waitingFor(2024);
        ProcessInstance for2031 = waitingFor(2031);
        ProcessInstance pi = runtimeService().createMessageCorrelation(MESSAGE_NORM_VERSION_DEPLOYED)
                .correlateStartMessage();
        assertThat(pi).hasPassed(START_NORM_VERSION_DEPLOYED).isWaitingAt(TASK_RESUME_WAITING);
        execute(job());
        assertThat(pi).isEnded().hasPassed(END_NORM_PRESENT);
        assertThat(for2024).isEnded();
        assertThat(for2031).isWaitingAt("CatchEvent_NormAvailable");
    }

    @Test
    void aMissingYearIsRequestedOnceAndAYearTheTableHasNever() {
        Assertions.assertThat(requests.requestYear(2024)).isFalse();
        Assertions.assertThat(requests.requestYear(2031)).isTrue();
        Assertions.assertThat(requests.requestYear(2031)).as("one check per year, however many wait").isFalse();
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey("riksnorm-2031").singleResult();
        assertThat(pi).hasPassed(START_MANUAL).isWaitingAt(TASK_CHECK_NORM_YEAR);
        execute(job());
        assertThat(pi).isWaitingAt(TASK_ENTER_NORM);
    }

    private ProcessInstance waitingFor(int year) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("vantar-pa-riksnorm-test",
                Variables.createVariables().putValue(VAR_WAITING_FOR_YEAR, year));
        assertThat(pi).isWaitingAt("CatchEvent_NormAvailable");
        return pi;
    }

    @Test
    void asksTheProcessOwnerWhenTheNormIsMissingAndChecksAgain() {
        ProcessInstance pi = requestCheck(2031);
        assertThat(pi).isWaitingAt(TASK_CHECK_NORM_YEAR);
        execute(job());
        assertThat(pi).isWaitingAt(TASK_ENTER_NORM);
        assertThat(task()).hasCandidateGroup(StegvisGroups.PROCESSAGARE);
        Assertions.assertThat(task().getDueDate()).isAfter(new Date());

        complete(task(), Variables.createVariables().putValue(VAR_NORM_DEPLOYED, true));
        assertThat(pi).isWaitingAt(TASK_CHECK_NORM_YEAR);
        execute(job());
        // Still no rows for 2031 in the table: back to the process owner, never a silent pass.
        assertThat(pi).isWaitingAt(TASK_ENTER_NORM);
        assertThat(pi).variables().containsEntry(VAR_NORM_PRESENT, false);
    }

    @Test
    void remindsEveryFirstOfDecemberAboutNextYear() {
        Job timer = managementService().createJobQuery().timers().singleResult();
        Assertions.assertThat(timer).isNotNull();
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        Assertions.assertThat(due.getMonthValue()).isEqualTo(12);
        Assertions.assertThat(due.getDayOfMonth()).isEqualTo(1);
        Assertions.assertThat(due.getHour()).isEqualTo(8);

        // On 1 December 2024 the reminder checks 2025, which the table has.
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2024, 12, 1, 8, 0).atZone(ZoneId.systemDefault()).toInstant()));
        execute(timer);
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).singleResult();
        assertThat(pi).hasPassed(START_YEARLY).isWaitingAt(TASK_CHECK_NORM_YEAR);
        execute(job());
        assertThat(pi).isWaitingAt(TASK_RESUME_WAITING);
        execute(job());
        assertThat(pi).isEnded().hasPassed(END_NORM_PRESENT);
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(VAR_NORM_YEAR).singleResult().getValue()).isEqualTo(2025);
    }

    private ProcessInstance requestCheck(int year) {
        return runtimeService().createMessageCorrelation(MESSAGE_CHECK_REQUESTED)
                .setVariable(VAR_NORM_YEAR, year)
                .correlateStartMessage();
    }
}
