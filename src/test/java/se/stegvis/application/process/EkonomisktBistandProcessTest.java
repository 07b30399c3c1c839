package se.stegvis.application.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.Mockito.mock;
import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.stegvis.application.domain.ApplicationWarningRepository;
import se.stegvis.identity.StegvisGroups;

/**
 * The monthly application, path by path. Delegates that reach the database are replaced by small fakes that set
 * what the real ones set; the delegation table and the task listeners (four eyes, validation) are the real ones.
 */
@Deployment(resources = {"processes/ekonomiskt-bistand.bpmn", "processes/delegationsordning.dmn",
        "forms/utred-ansokan.form", "forms/attestera-beslut.form", "forms/foljupp-utredning.form",
        "forms/utred-utbetalning.form", "forms/vantar-pa-riksnorm.form"})
class EkonomisktBistandProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    ProcessEngine processEngine;
    final UUID applicationId = UUID.randomUUID();
    long calculated = 8480;
    /** When set, the calculation finds no riksnorm for this year (as the real delegate does, a BPMN error). */
    Integer normMissingFor;
    final List<Integer> normYearsRequested = new java.util.ArrayList<>();
    String kind = "ATERANSOKAN";
    /** What the rules on lawful residence answer (as the real delegate does from the table laglig-vistelse). */
    String assistanceForm = "FULLT";
    int emergencyAidPrepared;
    int journeysStarted;
    final se.stegvis.application.ResidenceRules residenceRules = mock(se.stegvis.application.ResidenceRules.class);
    InMemoryDecisionProposals proposals;

    @BeforeEach
    void setUp() {
        init(processEngine);
        Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneId.of("Europe/Stockholm"));
        Mocks.register("calculateAssistanceDelegate", (JavaDelegate) e -> {
            if (normMissingFor != null) {
                e.setVariable(NORM_YEAR_AWAITED, normMissingFor);
                e.setVariable(WAITING_REASON, "Riksnormen för " + normMissingFor + " är inte inlagd än.");
                throw new org.camunda.bpm.engine.delegate.BpmnError(ERROR_NORM_MISSING);
            }
            e.removeVariable(NORM_YEAR_AWAITED);
            e.removeVariable(WAITING_REASON);
            e.setVariable(CALCULATED_AMOUNT, calculated);
            e.setVariable(APPLICATION_KIND, "ATERANSOKAN");
            e.setVariable(INVESTIGATION_DUE, inDays(14));
            e.setVariable(BASIS_TEXT, "Beräkning …");
            e.setVariable(HAS_WARNINGS, false);
            e.setVariable(SUPPLEMENT_NEEDED, false);
        });
        Mocks.register("checkLawfulResidenceDelegate", (JavaDelegate) e -> e.setVariable(ASSISTANCE_FORM, assistanceForm));
        Mocks.register("prepareEmergencyAidDecisionDelegate", (JavaDelegate) e -> {
            emergencyAidPrepared++;
            e.setVariable(CALCULATED_AMOUNT, 0L);
            e.setVariable(APPLICATION_KIND, "NYANSOKAN");
            e.setVariable(INVESTIGATION_DUE, inDays(14));
            e.setVariable(BASIS_TEXT, "Endast nödbistånd …");
            e.setVariable(HAS_WARNINGS, false);
            e.setVariable(SUPPLEMENT_NEEDED, false);
        });
        Mocks.register("requestRiksnormDelegate", (JavaDelegate) e ->
                normYearsRequested.add(EkonomisktBistandProcess.normYearAwaited(e)));
        Mocks.register("markIncomesUncheckedDelegate", (JavaDelegate) e -> e.setVariable("ejKontrollerad", true));
        Mocks.register("requestSupplementDelegate", (JavaDelegate) e -> e.setVariable(SUPPLEMENT_DUE, inDays(7)));
        Mocks.register("sendSupplementReminderDelegate", (JavaDelegate) e -> e.setVariable(REMINDER_DUE, inDays(14)));
        Mocks.register("registerDecisionDelegate", (JavaDelegate) e -> e.setVariable(DECISION_ID, UUID.randomUUID().toString()));
        Mocks.register("createDecisionLetterDelegate", (JavaDelegate) e -> { });
        Mocks.register("sendDecisionDelegate", (JavaDelegate) e -> { });
        Mocks.register("startJourneyDelegate", (JavaDelegate) e -> journeysStarted++);
        Mocks.register("schedulePaymentDelegate", (JavaDelegate) e -> {
            e.setVariable(PAYMENT_ID, UUID.randomUUID().toString());
            e.setVariable(CONFIRMATION_DUE, inDays(30));
        });
        proposals = new InMemoryDecisionProposals(clock, () -> calculated);
        proposals.kind = () -> kind;
        var investigations = new se.stegvis.application.Investigations(mock(ApplicationWarningRepository.class), clock);
        Mocks.register("validateInvestigationListener", new ValidateInvestigationListener(
                investigations, proposals, processEngine.getIdentityService(), residenceRules));
        Mocks.register("recordInvestigationDelegate", new RecordInvestigationDelegate(proposals, residenceRules,
                investigations));
        Mocks.register("delegationCheckListener", new DelegationCheckListener(proposals));
        Mocks.register("recordDelegationAnswerDelegate", new RecordDelegationAnswerDelegate(proposals));
        Mocks.register("fourEyesListener", new FourEyesListener(proposals, processEngine.getIdentityService()));
        Mocks.register("recordAttestDelegate", new RecordAttestDelegate(proposals));
        users("handlaggare", "handlaggare1");
        users("teamledare", "teamledare1", "teamledare2");
        // Started with an application id, as by the API: the start form's listener lets it pass.
        Mocks.register("registerApplicationDelegate", new RegisterApplicationDelegate(
                mock(se.stegvis.application.ApplicationService.class),
                mock(se.stegvis.application.api.SubmitApplicationMapper.class), processEngine.getIdentityService()));
    }

    @AfterEach
    void tearDown() {
        var identity = processEngine.getIdentityService();
        identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
        identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
        Mocks.reset();
        ClockUtil.reset();
        processEngine.getIdentityService().clearAuthentication();
        reset();
    }

    @Test
    void grantsWhenNeedExceedsIncome() {
        ProcessInstance pi = investigateAs("handlaggare1");
        decide("BIFALL", null, null);
        assertThat(pi).hasPassed(TASK_CHECK_DELEGATION).hasNotPassed(TASK_ATTEST);
        assertThat(pi).variables().containsEntry(NEEDS_APPROVAL, false).containsEntry(GRANTED_AMOUNT, calculated)
                .containsEntry(INVESTIGATOR, "handlaggare1");
        runDecisionAndPayment(pi);
        runtimeService().createMessageCorrelation(MESSAGE_PAYMENT_CONFIRMED)
                .processInstanceVariableEquals(PAYMENT_ID, runtimeService().getVariable(pi.getId(), PAYMENT_ID))
                .correlate();
        assertThat(pi).isEnded().hasPassed(END_PAID);
    }

    @Test
    void partialGrantIsAttestedByAnotherTeamLeader() {
        // The real register step (the record itself faked): it removes the investigation's free texts.
        var records = mock(se.stegvis.application.DecisionRecords.class);
        var registered = mock(se.stegvis.application.domain.Decision.class);
        org.mockito.Mockito.when(registered.getId()).thenReturn(UUID.randomUUID());
        org.mockito.Mockito.when(registered.getAmount()).thenReturn(5000L);
        org.mockito.Mockito.when(records.register(org.mockito.ArgumentMatchers.eq(applicationId),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.eq(5000L),
                org.mockito.ArgumentMatchers.eq("Hyran över kommunens tak godtas inte."),
                org.mockito.ArgumentMatchers.eq("handlaggare1"), org.mockito.ArgumentMatchers.eq("teamledare1")))
                .thenReturn(registered);
        Mocks.register("registerDecisionDelegate", new RegisterDecisionDelegate(records, proposals));
        ProcessInstance pi = investigateAs("handlaggare1");
        decide("DELVIS_BIFALL", 5000L, "Hyran över kommunens tak godtas inte.");
        assertThat(pi).isWaitingAt(TASK_ATTEST);
        Assertions.assertThat(processEngine.getTaskService().createTaskQuery().taskCandidateGroup(StegvisGroups.TEAMLEDARE)
                .processInstanceId(pi.getId()).count()).isEqualTo(1);
        attestAs("teamledare1", APPROVAL_APPROVED, null);
        assertThat(pi).variables().containsEntry(APPROVER, "teamledare1").containsEntry(GRANTED_AMOUNT, 5000L)
                .containsEntry(REASONS, "Hyran över kommunens tak godtas inte.").containsKey(BASIS_TEXT);
        runDecisionAndPayment(pi);
        assertThat(pi).isWaitingAt(GATEWAY_AWAIT_PAYMENT_CONFIRMATION);
        // Registered: the reasons and the other free texts live in Stegvis' tables, not in the process (issue #13).
        assertThat(pi).variables().doesNotContainKeys(REASONS, APPROVAL_COMMENT, SUPPLEMENT_TEXT, BASIS_TEXT)
                .containsKey(DECISION_ID);
    }

    @Test
    void refusalIsAttestedAndPaysNothing() {
        calculated = 0;
        ProcessInstance pi = investigateAs("handlaggare1");
        decide("AVSLAG", null, "Inkomsterna täcker behovet enligt riksnormen.");
        attestAs("teamledare1", APPROVAL_APPROVED, null);
        for (String task : List.of(TASK_REGISTER_DECISION, TASK_CREATE_LETTER)) {
            assertThat(pi).isWaitingAt(task);
            execute(job());
        }
        // The letter is published in its own step's transaction: no job of its own.
        assertThat(pi).isEnded().hasPassed(TASK_SEND_DECISION).hasPassed(END_NOTHING_TO_PAY).hasNotPassed(TASK_SCHEDULE_PAYMENT, EVENT_START_JOURNEY);
        Assertions.assertThat(journeysStarted).as("a refusal starts no journey").isZero();
    }

    @Test
    void approverSendsBackWithAComment() {
        ProcessInstance pi = investigateAs("handlaggare1");
        decide("AVSLAG", null, "Ej styrkt behov.");
        claimAs("teamledare1", TASK_ATTEST);
        Assertions.assertThatThrownBy(() -> complete(task(), Variables.createVariables().putValue(APPROVAL, APPROVAL_SENT_BACK)))
                .hasMessageContaining("Kommentar till handläggaren");
        complete(task(), Variables.createVariables().putValue(APPROVAL, APPROVAL_SENT_BACK)
                .putValue(APPROVAL_COMMENT, "Kontrollera hyreskontraktet först."));
        assertThat(pi).isWaitingAt(TASK_INVESTIGATE);
        assertThat(pi).variables().containsEntry(APPROVAL_COMMENT, "Kontrollera hyreskontraktet först.");
        // ... and the caseworker sees it: Utred ansökan reads the comment (its form has a read-only field for it).
        Assertions.assertThat(taskService().getVariables(task().getId())).containsEntry(APPROVAL_COMMENT,
                "Kontrollera hyreskontraktet först.");
        Assertions.assertThat(investigationFormFieldsReadOnly()).contains(APPROVAL_COMMENT);
    }

    /** The keys of the read-only fields of forms/utred-ansokan.form (what Utred ansökan shows the caseworker). */
    static List<String> investigationFormFieldsReadOnly() {
        try (var in = EkonomisktBistandProcessTest.class.getResourceAsStream("/forms/utred-ansokan.form")) {
            var form = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            List<String> keys = new java.util.ArrayList<>();
            form.get("components").forEach(c -> {
                if (c.path("readonly").asBoolean(false) && c.hasNonNull("key")) {
                    keys.add(c.get("key").asText());
                }
            });
            return keys;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void fourEyesViolationIsRefused() {
        ProcessInstance pi = investigateAs("teamledare1");
        decide("AVSLAG", null, "Ej styrkt behov.");
        assertThat(pi).isWaitingAt(TASK_ATTEST);
        Task attest = task();
        Assertions.assertThatThrownBy(() -> taskService().claim(attest.getId(), "teamledare1"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("fyra ögon");
        // Completing without claiming, as the investigator, is refused too.
        processEngine.getIdentityService().setAuthenticatedUserId("teamledare1");
        Assertions.assertThatThrownBy(() -> taskService().complete(attest.getId(),
                Variables.createVariables().putValue(APPROVAL, APPROVAL_APPROVED))).hasMessageContaining("fyra ögon");
        processEngine.getIdentityService().clearAuthentication();
        assertThat(pi).isWaitingAt(TASK_ATTEST);
        attestAs("teamledare2", APPROVAL_APPROVED, null);
        assertThat(pi).isWaitingAt(TASK_REGISTER_DECISION);
    }

    @Test
    void theApproverMustBeInTheApprovingGroupWhateverTheTaskSays() {
        users("handlaggare", "handlaggare2");
        ProcessInstance pi = investigateAs("handlaggare1");
        decide("DELVIS_BIFALL", 5000L, "Hyran över kommunens tak godtas inte.");
        assertThat(pi).isWaitingAt(TASK_ATTEST);
        // Even were the task offered to caseworkers (the attack's attestGrupp=handlaggare), no caseworker may take it.
        taskService().addCandidateGroup(task().getId(), StegvisGroups.HANDLAGGARE);
        Task attest = task();
        Assertions.assertThatThrownBy(() -> taskService().claim(attest.getId(), "handlaggare2"))
                .hasRootCauseInstanceOf(se.stegvis.config.ForbiddenException.class)
                .satisfies(e -> Assertions.assertThat(((se.stegvis.config.ForbiddenException) rootCause(e)).rule())
                        .isEqualTo(FourEyesListener.RULE_APPROVER_GROUP));
        processEngine.getIdentityService().setAuthenticatedUserId("handlaggare2");
        Assertions.assertThatThrownBy(() -> taskService().complete(attest.getId(),
                Variables.createVariables().putValue(APPROVAL, APPROVAL_APPROVED))).hasMessageContaining("teamledare");
        processEngine.getIdentityService().clearAuthentication();
        assertThat(pi).isWaitingAt(TASK_ATTEST);
    }

    @Test
    void theInvestigatorIsTheOneWhoCompletedTheInvestigationNotTheVariable() {
        ProcessInstance pi = investigateAs("teamledare1");
        decide("AVSLAG", null, "Ej styrkt behov.");
        // The attack: the variable "utredare" overwritten with someone else.
        runtimeService().setVariable(pi.getId(), INVESTIGATOR, "teamledare2");
        Task attest = task();
        Assertions.assertThatThrownBy(() -> taskService().claim(attest.getId(), "teamledare1"))
                .hasMessageContaining("fyra ögon");
        Assertions.assertThat(proposals.current(applicationId).getProposedBy()).isEqualTo("teamledare1");
    }

    @Test
    void amountAndKindComeFromTheRecordsNotFromSubmittedVariables() {
        calculated = 4480;
        ProcessInstance pi = investigateAs("handlaggare1");
        // The attack: beraknatBelopp=24999 (and another kind) sent with the investigation.
        complete(task(), Variables.createVariables().putValue(PROPOSED_DECISION, "BIFALL").putValue(SUPPLEMENT_NEEDED, false)
                .putValue(CALCULATED_AMOUNT, 24_999L).putValue(APPLICATION_KIND, "NYANSOKAN"));
        Assertions.assertThat(proposals.current(applicationId).getAmount()).isEqualTo(4480);
        assertThat(pi).variables().containsEntry(GRANTED_AMOUNT, 4480L).containsEntry(APPLICATION_KIND, "ATERANSOKAN");
        Assertions.assertThat(proposals.current(applicationId).getRequiresAttest()).isFalse();
    }

    @Test
    void anExtraNeedAboveTheDelegationIsAttestedWhateverKindIsSubmitted() {
        kind = "TILLAGGSANSOKAN";
        calculated = 8000;
        ProcessInstance pi = investigateAs("handlaggare1");
        complete(task(), Variables.createVariables().putValue(PROPOSED_DECISION, "BIFALL").putValue(SUPPLEMENT_NEEDED, false)
                .putValue(APPLICATION_KIND, "ATERANSOKAN"));
        assertThat(pi).isWaitingAt(TASK_ATTEST);
        Assertions.assertThat(proposals.current(applicationId).getRequiresAttest()).isTrue();
    }

    @Test
    void aDecisionThatNeedsAnAttestIsNotRegisteredWithoutOne() {
        Mocks.register("registerDecisionDelegate", new RegisterDecisionDelegate(
                mock(se.stegvis.application.DecisionRecords.class), proposals));
        ProcessInstance pi = investigateAs("handlaggare1");
        decide("DELVIS_BIFALL", 5000L, "Hyran över kommunens tak godtas inte.");
        assertThat(pi).isWaitingAt(TASK_ATTEST);
        // Around the attest (an administrator moving the token): the register step still asks the record.
        runtimeService().createProcessInstanceModification(pi.getId()).cancelAllForActivity(TASK_ATTEST)
                .startBeforeActivity(TASK_REGISTER_DECISION).execute();
        Assertions.assertThatThrownBy(() -> execute(job())).hasMessageContaining("kräver attest");
    }

    @Test
    void refusalWithoutReasonsCannotBeCompleted() {
        ProcessInstance pi = investigateAs("handlaggare1");
        Assertions.assertThatThrownBy(() -> complete(task(), Variables.createVariables().putValue(PROPOSED_DECISION, "AVSLAG")))
                .hasMessageContaining("Motivering");
        Assertions.assertThatThrownBy(() -> complete(task(), Variables.createVariables()
                        .putValue(PROPOSED_DECISION, "DELVIS_BIFALL").putValue(GRANTED_AMOUNT, calculated + 1)
                        .putValue(REASONS, "x")))
                .hasMessageContaining("mindre än det beräknade");
        assertThat(pi).isWaitingAt(TASK_INVESTIGATE);
    }

    @Test
    void supplementAnsweredGoesBackToCalculation() {
        ProcessInstance pi = investigateAs("handlaggare1");
        complete(task(), Variables.createVariables().putValue(SUPPLEMENT_NEEDED, true)
                .putValue(SUPPLEMENT_TEXT, "Skicka hyreskontraktet."));
        assertThat(pi).isWaitingAt(TASK_REQUEST_SUPPLEMENT);
        execute(job());
        assertThat(pi).isWaitingAt(GATEWAY_AWAIT_SUPPLEMENT);
        runtimeService().createMessageCorrelation(MESSAGE_SUPPLEMENT_RECEIVED)
                .processInstanceBusinessKey(applicationId.toString()).correlate();
        assertThat(pi).isWaitingAt(TASK_CHECK_RESIDENCE);
        execute(job());
        // The calculation runs in the residence check's job.
        assertThat(pi).hasPassed(TASK_CALCULATE).isWaitingAt(TASK_INVESTIGATE);
    }

    @Test
    void supplementNotAnsweredIsRemindedThenDecidedOnWhatIsAtHand() {
        ProcessInstance pi = investigateAs("handlaggare1");
        complete(task(), Variables.createVariables().putValue(SUPPLEMENT_NEEDED, true)
                .putValue(SUPPLEMENT_TEXT, "Skicka hyreskontraktet."));
        execute(job());
        execute(timerAt(pi, CATCH_SUPPLEMENT_OVERDUE));
        assertThat(pi).isWaitingAt(TASK_SEND_REMINDER);
        execute(job());
        assertThat(pi).isWaitingAt(GATEWAY_AWAIT_AFTER_REMINDER);
        execute(timerAt(pi, CATCH_NO_SUPPLEMENT));
        assertThat(pi).isWaitingAt(TASK_CHECK_RESIDENCE);
    }

    @Test
    void supplementAnsweredAfterReminder() {
        ProcessInstance pi = investigateAs("handlaggare1");
        complete(task(), Variables.createVariables().putValue(SUPPLEMENT_NEEDED, true)
                .putValue(SUPPLEMENT_TEXT, "Skicka lönebesked."));
        execute(job());
        execute(timerAt(pi, CATCH_SUPPLEMENT_OVERDUE));
        execute(job());
        runtimeService().createMessageCorrelation(MESSAGE_SUPPLEMENT_RECEIVED)
                .processInstanceBusinessKey(applicationId.toString()).correlate();
        assertThat(pi).hasPassed(CATCH_SUPPLEMENT_AFTER_REMINDER).isWaitingAt(TASK_CHECK_RESIDENCE);
    }

    @Test
    void escalatesWhenInvestigationOverdue() {
        ProcessInstance pi = investigateAs(null);
        execute(timerAt(pi, TIMER_INVESTIGATION_OVERDUE));
        assertThat(pi).isWaitingAt(TASK_INVESTIGATE, TASK_FOLLOW_UP_OVERDUE);
        Task followUp = taskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(TASK_FOLLOW_UP_OVERDUE).singleResult();
        assertThat(followUp).hasCandidateGroup(StegvisGroups.TEAMLEDARE);
        complete(followUp, Variables.createVariables().putValue("forseningAtgard", "Ärendet omfördelat."));
        assertThat(pi).hasPassed(END_OVERDUE_FOLLOWED_UP).isWaitingAt(TASK_INVESTIGATE);
    }

    @Test
    void registerDownCaseworkerContinuesManually() {
        ProcessInstance pi = start();
        LockedExternalTask locked = lockIncomeCheck();
        // The worker gives up: retries exhausted, an incident for Cockpit.
        externalTaskService().handleFailure(locked.getId(), "test-worker", "Registret (SSBTEK) svarar inte", 0, 0);
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        runtimeService().createMessageCorrelation(MESSAGE_CONTINUE_WITHOUT_REGISTER)
                .processInstanceBusinessKey(applicationId.toString()).correlate();
        assertThat(pi).isWaitingAt(TASK_MARK_UNCHECKED);
        execute(job());
        assertThat(pi).isWaitingAt(TASK_CHECK_RESIDENCE);
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void unconfirmedPaymentRaisesATask() {
        ProcessInstance pi = investigateAs("handlaggare1");
        decide("BIFALL", null, null);
        runDecisionAndPayment(pi);
        execute(timerAt(pi, CATCH_CONFIRMATION_OVERDUE));
        assertThat(pi).isWaitingAt(TASK_INVESTIGATE_PAYMENT);
        assertThat(task()).hasCandidateGroup(StegvisGroups.HANDLAGGARE);
        complete(task(), Variables.createVariables().putValue("utbetalningUtredning", "Kontonumret var fel."));
        assertThat(pi).isEnded().hasPassed(END_PAYMENT_INVESTIGATED);
    }

    @Test
    void waitsVisiblyForAMissingRiksnormWithoutIncidentAndGoesOnWhenTheYearIsDeployed() {
        normMissingFor = 2027;
        ProcessInstance pi = start();
        externalTaskService().complete(lockIncomeCheck().getId(), "test-worker", Map.of("registerKontrollerad", true));
        execute(job());
        assertThat(pi).hasPassed(BOUNDARY_NORM_MISSING).isWaitingAt(TASK_REQUEST_NORM);
        execute(job());
        assertThat(pi).isWaitingAt(TASK_AWAIT_NORM);
        Assertions.assertThat(normYearsRequested).containsExactly(2027);
        assertThat(task()).hasCandidateGroup(StegvisGroups.HANDLAGGARE);
        assertThat(pi).variables().containsEntry(NORM_YEAR_AWAITED, 2027)
                .containsEntry(WAITING_REASON, "Riksnormen för 2027 är inte inlagd än.");
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();

        // A message for another year leaves it waiting; the year's own sends it on to the calculation.
        runtimeService().createMessageCorrelation(MESSAGE_NORM_AVAILABLE)
                .processInstanceVariableEquals(NORM_YEAR_AWAITED, 2028).correlateAll();
        assertThat(pi).isWaitingAt(TASK_AWAIT_NORM);
        normMissingFor = null;
        runtimeService().createMessageCorrelation(MESSAGE_NORM_AVAILABLE)
                .processInstanceVariableEquals(NORM_YEAR_AWAITED, 2027).correlateAll();
        // Each waiting application is calculated in a job of its own after the message (async after the event).
        assertThat(pi).hasPassed(BOUNDARY_NORM_AVAILABLE).hasNotPassed(TASK_INVESTIGATE);
        execute(jobQuery().processInstanceId(pi.getId()).activityId(BOUNDARY_NORM_AVAILABLE).singleResult());
        assertThat(pi).isWaitingAt(TASK_INVESTIGATE);
        assertThat(pi).variables().doesNotContainKeys(NORM_YEAR_AWAITED, WAITING_REASON);
    }

    @Test
    void caseworkerTriesTheCalculationAgainAndItWaitsAgainWhileTheYearIsMissing() {
        normMissingFor = 2027;
        ProcessInstance pi = start();
        externalTaskService().complete(lockIncomeCheck().getId(), "test-worker", Map.of("registerKontrollerad", true));
        execute(job());
        execute(job());
        claim(task(), "handlaggare1");
        complete(task());
        // The retry is calculated in a job after the caseworker's completion (async after the task).
        assertThat(pi).isWaitingAt(TASK_AWAIT_NORM);
        execute(jobQuery().processInstanceId(pi.getId()).activityId(TASK_AWAIT_NORM).singleResult());
        execute(job());
        assertThat(pi).isWaitingAt(TASK_AWAIT_NORM);
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        normMissingFor = null;
        claim(task(), "handlaggare2");
        complete(task());
        execute(job());
        assertThat(pi).isWaitingAt(TASK_INVESTIGATE);
    }

    @Test
    void notLawfullyResidentFrom2027IsDecidedOnEmergencyAidOnlyWithoutTheCalculation() {
        assistanceForm = "NODBISTAND";
        proposals.emergencyAidOnly = true;
        calculated = 0;
        ProcessInstance pi = start();
        externalTaskService().complete(lockIncomeCheck().getId(), "test-worker", Map.of("registerKontrollerad", true));
        execute(job());
        assertThat(pi).hasPassed(TASK_CHECK_RESIDENCE, GATEWAY_ASSISTANCE_FORM).isWaitingAt(TASK_PREPARE_EMERGENCY_AID);
        execute(job());
        Assertions.assertThat(emergencyAidPrepared).isEqualTo(1);
        assertThat(pi).hasNotPassed(TASK_CALCULATE).isWaitingAt(TASK_INVESTIGATE);
        assertThat(pi).variables().containsEntry(ASSISTANCE_FORM, "NODBISTAND").containsEntry(CALCULATED_AMOUNT, 0L);
        claim(task(), "handlaggare1");

        // Never a full grant: the acute need as delvis bifall with its amount and reasons, or a refusal.
        Assertions.assertThatThrownBy(() -> decide("BIFALL", null, null)).hasMessageContaining("endast nödbistånd");
        Assertions.assertThatThrownBy(() -> decide("DELVIS_BIFALL", null, "Mat för en vecka."))
                .hasMessageContaining("akuta behovet");
        Assertions.assertThatThrownBy(() -> decide("DELVIS_BIFALL", 1_500L, null)).hasMessageContaining("Motivering");
        decide("DELVIS_BIFALL", 1_500L, "Akut behov av mat och hygienartiklar i väntan på besked.");
        assertThat(pi).isWaitingAt(TASK_ATTEST);
        attestAs("teamledare1", APPROVAL_APPROVED, null);
        assertThat(pi).variables().containsEntry(GRANTED_AMOUNT, 1_500L);
        runDecisionAndPayment(pi);
        assertThat(pi).hasNotPassed(TASK_CALCULATE);
    }

    @Test
    void residenceNotYetKnownIsCalculatedAsUsual() {
        assistanceForm = "UTRED";
        ProcessInstance pi = investigateAs("handlaggare1");
        assertThat(pi).hasNotPassed(TASK_PREPARE_EMERGENCY_AID).hasPassed(TASK_CALCULATE);
        Assertions.assertThat(emergencyAidPrepared).isZero();
    }

    @Test
    void theCaseworkerFindsTheApplicantNotLawfullyResidentAndDecidesOnEmergencyAidOnly() {
        assistanceForm = "UTRED";
        org.mockito.Mockito.when(residenceRules.recordInvestigated(applicationId,
                se.stegvis.norm.domain.LawfulResidence.NEJ)).thenReturn(se.stegvis.norm.domain.AssistanceForm.NODBISTAND);
        org.mockito.Mockito.when(residenceRules.formIfInvestigated(applicationId,
                se.stegvis.norm.domain.LawfulResidence.NEJ)).thenReturn(se.stegvis.norm.domain.AssistanceForm.NODBISTAND);
        ProcessInstance pi = investigateAs("handlaggare1");
        Assertions.assertThatThrownBy(() -> complete(task(), Variables.createVariables()
                        .putValue(RESIDENCE_INVESTIGATED, "KANSKE").putValue(PROPOSED_DECISION, "BIFALL")))
                .hasMessageContaining("JA eller NEJ");
        Assertions.assertThatThrownBy(() -> complete(task(), Variables.createVariables()
                        .putValue(RESIDENCE_INVESTIGATED, "NEJ").putValue(PROPOSED_DECISION, "BIFALL")))
                .hasMessageContaining("endast nödbistånd");
        // The acute need may be more than nothing the calculation left: it is not capped by it.
        complete(task(), Variables.createVariables().putValue(RESIDENCE_INVESTIGATED, "NEJ")
                .putValue(PROPOSED_DECISION, "DELVIS_BIFALL").putValue(GRANTED_AMOUNT, calculated + 500)
                .putValue(REASONS, "Akut behov av mat."));
        assertThat(pi).isWaitingAt(TASK_ATTEST);
        assertThat(pi).variables().doesNotContainKey(RESIDENCE_INVESTIGATED).containsEntry(GRANTED_AMOUNT, calculated + 500);
        // Recorded once, by "Registrera utredningen" (the refused completions recorded nothing).
        org.mockito.Mockito.verify(residenceRules, org.mockito.Mockito.times(1)).recordInvestigated(applicationId,
                se.stegvis.norm.domain.LawfulResidence.NEJ);
        assertThat(pi).hasPassed(TASK_RECORD_INVESTIGATION, TASK_RECORD_DELEGATION_ANSWER);
    }

    // --- steps ---

    private static Throwable rootCause(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e;
    }

    /** Users of a group in the engine's identity service (the four-eyes check asks it who is a team leader). */
    private void users(String group, String... userIds) {
        var identity = processEngine.getIdentityService();
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        for (String id : userIds) {
            identity.saveUser(identity.newUser(id));
            identity.createMembership(id, group);
        }
    }

    /** The application's repository, answering an application of the given kind for any id. */
    private static se.stegvis.application.domain.ApplicationRepository applicationOfKind(
            java.util.function.Supplier<String> kind) {
        var application = mock(se.stegvis.application.domain.Application.class);
        org.mockito.Mockito.when(application.getKind())
                .thenAnswer(call -> se.stegvis.application.domain.ApplicationKind.valueOf(kind.get()));
        var repository = mock(se.stegvis.application.domain.ApplicationRepository.class);
        org.mockito.Mockito.when(repository.findById(org.mockito.ArgumentMatchers.any()))
                .thenReturn(java.util.Optional.of(application));
        return repository;
    }

    private ProcessInstance start() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, applicationId.toString(),
                Map.of(APPLICATION_ID, applicationId.toString()));
        assertThat(pi).isWaitingAt(TASK_CHECK_INCOMES);
        return pi;
    }

    private LockedExternalTask lockIncomeCheck() {
        List<LockedExternalTask> locked = externalTaskService().fetchAndLock(1, "test-worker")
                .topic("inkomstkontroll", 60_000).execute();
        Assertions.assertThat(locked).hasSize(1);
        Assertions.assertThat((String) locked.get(0).getVariables().get(APPLICATION_ID)).isEqualTo(applicationId.toString());
        return locked.get(0);
    }

    /** Start, pass the register check and the calculation; the investigation is claimed by {@code user}. */
    private ProcessInstance investigateAs(String user) {
        ProcessInstance pi = start();
        externalTaskService().complete(lockIncomeCheck().getId(), "test-worker", Map.of("registerKontrollerad", true));
        assertThat(pi).isWaitingAt(TASK_CHECK_RESIDENCE);
        execute(job());
        assertThat(pi).hasPassed(GATEWAY_ASSISTANCE_FORM, TASK_CALCULATE).isWaitingAt(TASK_INVESTIGATE);
        assertThat(task()).hasCandidateGroup(StegvisGroups.HANDLAGGARE);
        if (user != null) {
            claim(task(), user);
        }
        return pi;
    }

    private void decide(String kind, Long amount, String reasons) {
        var vars = Variables.createVariables().putValue(PROPOSED_DECISION, kind).putValue(SUPPLEMENT_NEEDED, false);
        if (amount != null) {
            vars.putValue(GRANTED_AMOUNT, amount);
        }
        if (reasons != null) {
            vars.putValue(REASONS, reasons);
        }
        complete(task(), vars);
    }

    private void claimAs(String user, String taskKey) {
        Task t = task(taskKey);
        taskService().claim(t.getId(), user);
    }

    private void attestAs(String user, String approval, String comment) {
        claimAs(user, TASK_ATTEST);
        var vars = Variables.createVariables().putValue(APPROVAL, approval);
        if (comment != null) {
            vars.putValue(APPROVAL_COMMENT, comment);
        }
        complete(task(TASK_ATTEST), vars);
    }

    private void runDecisionAndPayment(ProcessInstance pi) {
        for (String task : List.of(TASK_REGISTER_DECISION, TASK_CREATE_LETTER, TASK_SCHEDULE_PAYMENT,
                EVENT_START_JOURNEY)) {
            assertThat(pi).isWaitingAt(task);
            execute(job());
            if (task.equals(TASK_CREATE_LETTER)) {
                assertThat(pi).as("the letter is published with it").hasPassed(TASK_SEND_DECISION);
            }
        }
        assertThat(pi).isWaitingAt(GATEWAY_AWAIT_PAYMENT_CONFIRMATION);
        Assertions.assertThat(journeysStarted).as("the journey starts after the payment is planned").isEqualTo(1);
    }

    private Job timerAt(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    private static Date inDays(int days) {
        return Date.from(Instant.now().plusSeconds(days * 86_400L));
    }
}
