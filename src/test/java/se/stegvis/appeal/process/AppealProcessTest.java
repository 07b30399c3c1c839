package se.stegvis.appeal.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static se.stegvis.appeal.process.AppealProcess.*;

import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.stegvis.appeal.AppealService;
import se.stegvis.appeal.domain.CourtOutcome;
import se.stegvis.identity.StegvisGroups;
import se.stegvis.letter.DecisionKind;

/** The process overklagande, one test per path, with the real delegates on a mocked {@link AppealService}. */
@Deployment(resources = {"processes/overklagande.bpmn", "forms/omprova-beslut.form", "forms/registrera-dom.form"})
class AppealProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    final AppealService appeals = mock(AppealService.class);
    final se.stegvis.config.TaskCompletions completions = mock(se.stegvis.config.TaskCompletions.class);
    final UUID appealId = UUID.randomUUID();
    org.camunda.bpm.engine.ProcessEngine processEngine;

    @BeforeEach
    void registerDelegates() {
        // Name the engine for camunda-bpm-assert: a Spring test in the same JVM registers the application's too.
        init(processEngine);
        Mocks.register("prepareReconsiderationDelegate", new PrepareReconsiderationDelegate(appeals));
        Mocks.register("registerNewDecisionDelegate", new RegisterNewDecisionDelegate(appeals, completions));
        Mocks.register("forwardToCourtDelegate", new ForwardToCourtDelegate(appeals));
        Mocks.register("storeCourtRulingDelegate", new StoreCourtRulingDelegate(appeals));
        Mocks.register("dismissLateAppealDelegate", new DismissLateAppealDelegate(appeals));
        when(appeals.prepareReconsideration(appealId)).thenReturn(new AppealService.ReconsiderationView(
                "Delvis bifall", "5 000 kr", "Inkomst av lön", "Delgivet 12 januari 2026"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
    }

    ProcessInstance start(boolean inTime) {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, appealId.toString(), Variables.createVariables()
                .putValue(VAR_APPEAL_ID, appealId.toString()).putValue(VAR_IN_TIME, inTime));
    }

    ProcessInstance reconsider() {
        ProcessInstance pi = start(true);
        assertThat(pi).hasPassed(GATEWAY_IN_TIME).isWaitingAt(TASK_PREPARE_RECONSIDERATION);
        execute(job());
        assertThat(pi).isWaitingAt(TASK_RECONSIDER_DECISION);
        assertThat(task()).hasCandidateGroup(StegvisGroups.HANDLAGGARE);
        Assertions.assertThat(task().getDueDate()).isNotNull();
        assertThat(pi).variables()
                .containsEntry(VAR_DECISION_KIND_TEXT, "Delvis bifall")
                .containsEntry(VAR_DECISION_AMOUNT_TEXT, "5 000 kr")
                .containsEntry(VAR_DECISION_REASONS_TEXT, "Inkomst av lön")
                .containsEntry(VAR_APPEAL_DATES_TEXT, "Delgivet 12 januari 2026");
        return pi;
    }

    @Test
    void inTimeAndChangedReplacesTheDecisionAndPaysTheDifference() {
        UUID newDecision = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        when(appeals.changeDecision(appealId, DecisionKind.BIFALL, 6_500, "Boendekostnaden godtas", "handlaggare1"))
                .thenReturn(new AppealService.DecisionChange(newDecision, Optional.of(payment)));
        ProcessInstance pi = reconsider();
        when(completions.lastCompletedBy(pi.getId(), TASK_RECONSIDER_DECISION)).thenReturn(Optional.of("handlaggare1"));

        claim(task(), "handlaggare1");
        complete(task(), Variables.createVariables()
                .putValue(VAR_RECONSIDERATION, RECONSIDERATION_CHANGE)
                .putValue(VAR_NEW_DECISION_KIND, "BIFALL")
                .putValue(VAR_NEW_AMOUNT, 6_500) // the form sends a number
                .putValue(VAR_NEW_REASONS, "Boendekostnaden godtas"));
        assertThat(pi).hasPassed(GATEWAY_DECISION_CHANGED).isWaitingAt(TASK_REGISTER_NEW_DECISION);
        execute(job());

        assertThat(pi).isEnded().hasPassed(END_DECISION_CHANGED).hasNotPassed(TASK_FORWARD_TO_COURT);
        assertThat(pi).variables()
                .containsEntry(VAR_NEW_DECISION_ID, newDecision.toString())
                .containsEntry(VAR_PAYMENT_ID, payment.toString());
        verify(appeals, never()).forwardToCourt(any());
    }

    @Test
    void inTimeAndUpheldGoesToTheCourtAndRecordsTheRuling() {
        ProcessInstance pi = reconsider();

        complete(task(), Variables.createVariables().putValue(VAR_RECONSIDERATION, RECONSIDERATION_UPHOLD));
        assertThat(pi).isWaitingAt(TASK_FORWARD_TO_COURT);
        execute(job());
        verify(appeals).forwardToCourt(appealId);
        assertThat(pi).isWaitingAt(TASK_REGISTER_COURT_RULING);
        // Waiting for the court, the process keeps no copy of the decision's reasons (issue #13).
        assertThat(pi).variables().doesNotContainKeys(VAR_DECISION_KIND_TEXT, VAR_DECISION_AMOUNT_TEXT,
                VAR_DECISION_REASONS_TEXT, VAR_APPEAL_DATES_TEXT);
        assertThat(task()).hasCandidateGroup(StegvisGroups.HANDLAGGARE);

        complete(task(), Variables.createVariables()
                .putValue(VAR_COURT_OUTCOME, "AVSLAG")
                .putValue(VAR_COURT_RULING, "Förvaltningsrätten i Linköping, mål 1234-26: överklagandet avslås."));
        assertThat(pi).isWaitingAt(TASK_STORE_COURT_RULING);
        execute(job());

        assertThat(pi).isEnded().hasPassed(END_RULING_REGISTERED).hasNotPassed(TASK_REGISTER_NEW_DECISION);
        verify(appeals).registerCourtRuling(appealId, CourtOutcome.AVSLAG,
                "Förvaltningsrätten i Linköping, mål 1234-26: överklagandet avslås.");
        verify(appeals, never()).changeDecision(any(), any(), org.mockito.ArgumentMatchers.anyLong(), any(), any());
    }

    @Test
    void lateAppealIsDismissed() {
        ProcessInstance pi = start(false);
        assertThat(pi).isWaitingAt(TASK_DISMISS_LATE_APPEAL);
        execute(job());

        assertThat(pi).isEnded().hasPassed(END_APPEAL_DISMISSED).hasNotPassed(TASK_RECONSIDER_DECISION);
        verify(appeals).dismissAsLate(appealId);
        verify(appeals, never()).prepareReconsideration(any());
    }
}
