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

    @BeforeEach
    void registerDelegates() {
        // Name the engine for camunda-bpm-assert: a Spring test in the same JVM registers the application's too.
        init(processEngine);
        Mocks.register("checkNormYearDelegate",
                new CheckNormYearDelegate(new RiksnormTable(new DeployedDecisions(processEngine.getRepositoryService()))));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
    }

    @Test
    void endsWhenTheNormForTheYearIsPresent() {
        ProcessInstance pi = requestCheck(2024);
        assertThat(pi).isWaitingAt(TASK_CHECK_NORM_YEAR);
        execute(job());
        assertThat(pi).hasPassed(GATEWAY_NORM_PRESENT).isEnded().hasPassed(END_NORM_PRESENT);
        assertThat(pi).variables().containsEntry(VAR_NORM_PRESENT, true);
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
