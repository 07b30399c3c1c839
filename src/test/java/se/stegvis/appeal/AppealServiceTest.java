package se.stegvis.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import se.stegvis.appeal.domain.Appeal;
import se.stegvis.appeal.domain.AppealRepository;
import se.stegvis.appeal.domain.AppealStatus;
import se.stegvis.appeal.process.AppealProcess;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.NotFoundException;
import se.stegvis.letter.DecisionKind;
import se.stegvis.norm.domain.Household;
import se.stegvis.norm.domain.ReasonableCosts;
import se.stegvis.payment.PaymentService;
import se.stegvis.payment.domain.BankingCalendar;
import se.stegvis.payment.domain.Payment;

class AppealServiceTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    static final LocalDate TODAY = LocalDate.of(2026, 2, 10);

    AppealRepository appeals = mock(AppealRepository.class);
    DecisionRepository decisions = mock(DecisionRepository.class);
    ApplicationRepository applications = mock(ApplicationRepository.class);
    PaymentService payments = mock(PaymentService.class);
    RuntimeService runtimeService = mock(RuntimeService.class);
    ProcessInstantiationBuilder starter = mock(ProcessInstantiationBuilder.class, RETURNS_SELF);
    AppealService service = new AppealService(appeals, decisions, applications, payments, runtimeService,
            new BankingCalendar(), Clock.fixed(TODAY.atTime(10, 0).atZone(ZONE).toInstant(), ZONE));

    Client client = new Client(SyntheticPersonnummer.withSeed(7).next(), Instant.now());
    Application application = new Application(client, YearMonth.of(2026, 1), ApplicationKind.NYANSOKAN,
            Household.of(1), ReasonableCosts.NONE, List.of(), "handlaggare1", Instant.now());
    Decision decision = new Decision(application.getId(), DecisionKind.DELVIS_BIFALL, 5_000, "Inkomst av lön",
            "handlaggare1", null, Instant.now(), null);

    @BeforeEach
    void setUp() {
        when(decisions.findById(decision.getId())).thenReturn(Optional.of(decision));
        when(applications.findById(application.getId())).thenReturn(Optional.of(application));
        when(appeals.save(any())).thenAnswer(call -> call.getArgument(0));
        when(decisions.save(any())).thenAnswer(call -> call.getArgument(0));
        when(runtimeService.createProcessInstanceByKey(AppealProcess.PROCESS_KEY)).thenReturn(starter);
        ProcessInstance instance = mock(ProcessInstance.class);
        when(instance.getId()).thenReturn("pi-1");
        when(starter.execute()).thenReturn(instance);
    }

    Appeal appeal(boolean inTime) {
        Appeal appeal = new Appeal(decision.getId(), LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 12), inTime, "handlaggare2");
        when(appeals.findById(appeal.getId())).thenReturn(Optional.of(appeal));
        return appeal;
    }

    @Test
    void registersAnAppealInTimeAndStartsTheProcessWithItsId() {
        Appeal appeal = service.register(decision.getId(), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 1, 12), "handlaggare1");
        assertThat(appeal.isInTime()).isTrue();
        assertThat(appeal.getStatus()).isEqualTo(AppealStatus.REGISTRERAT);
        assertThat(appeal.getProcessInstanceId()).isEqualTo("pi-1");
        verify(starter).businessKey(appeal.getId().toString());
        verify(starter).setVariable(AppealProcess.VAR_APPEAL_ID, appeal.getId().toString());
        verify(starter).setVariable(AppealProcess.VAR_IN_TIME, true);
    }

    @Test
    void anAppealTheDayAfterTheLastDayIsLate() {
        Appeal appeal = service.register(decision.getId(), LocalDate.of(2026, 2, 3), LocalDate.of(2026, 1, 12), "handlaggare1");
        assertThat(appeal.isInTime()).isFalse();
        verify(starter).setVariable(AppealProcess.VAR_IN_TIME, false);
    }

    @Test
    void theNotificationDateDefaultsToTheDecisionsOwn() {
        decision.setNotifiedAt(LocalDate.of(2026, 1, 12).atTime(23, 30).atZone(ZONE).toInstant());
        Appeal appeal = service.register(decision.getId(), LocalDate.of(2026, 2, 2), null, "handlaggare1");
        assertThat(appeal.getNotifiedDate()).isEqualTo("2026-01-12");
    }

    @Test
    void withoutAnyNotificationDateTheFieldIsNamed() {
        assertThatThrownBy(() -> service.register(decision.getId(), LocalDate.of(2026, 2, 2), null, "handlaggare1"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("notifiedDate"));
        assertThatThrownBy(() -> service.register(decision.getId(), TODAY.plusDays(1), LocalDate.of(2026, 1, 12), "h"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("receivedDate"));
        assertThatThrownBy(() -> service.register(UUID.randomUUID(), TODAY, TODAY, "h")).isInstanceOf(NotFoundException.class);
        verify(runtimeService, never()).createProcessInstanceByKey(any());
    }

    @Test
    void aHigherNewDecisionReplacesTheOldAndPaysTheDifference() {
        Appeal appeal = appeal(true);
        Payment difference = new Payment(UUID.randomUUID(), client.getId(), 1_500, TODAY, Instant.now());
        when(payments.schedule(any(), any(), anyLong(), any())).thenReturn(Optional.of(difference));

        AppealService.DecisionChange change = service.changeDecision(appeal.getId(), DecisionKind.BIFALL, 6_500,
                "Boendekostnaden godtas", "handlaggare1");

        ArgumentCaptor<Decision> saved = ArgumentCaptor.forClass(Decision.class);
        verify(decisions).save(saved.capture());
        Decision replacement = saved.getValue();
        assertThat(replacement.getReplacesDecisionId()).isEqualTo(decision.getId());
        assertThat(replacement.getApplicationId()).isEqualTo(application.getId());
        assertThat(replacement.getAmount()).isEqualTo(6_500);
        assertThat(replacement.getInvestigator()).isEqualTo("handlaggare1");
        assertThat(change.newDecisionId()).isEqualTo(replacement.getId());
        verify(payments).schedule(replacement.getId(), client.getId(), 1_500, YearMonth.of(2026, 1));
        assertThat(change.differencePaymentId()).contains(difference.getId());
        assertThat(appeal.getStatus()).isEqualTo(AppealStatus.BESLUT_ANDRAT);
    }

    @Test
    void aLowerNewDecisionPaysNothing() {
        Appeal appeal = appeal(true);
        AppealService.DecisionChange change = service.changeDecision(appeal.getId(), DecisionKind.DELVIS_BIFALL, 4_000,
                "Ny inkomst", null);
        assertThat(change.differencePaymentId()).isEmpty();
        verify(payments, never()).schedule(any(), any(), anyLong(), any());
        ArgumentCaptor<Decision> saved = ArgumentCaptor.forClass(Decision.class);
        verify(decisions).save(saved.capture());
        assertThat(saved.getValue().getInvestigator()).as("unclaimed task: the registering caseworker").isEqualTo("handlaggare2");
    }

    @Test
    void aChangedDecisionMustBeConsistentAndReasoned() {
        Appeal appeal = appeal(true);
        assertThatThrownBy(() -> service.changeDecision(appeal.getId(), DecisionKind.AVSLAG, 100, "x", "h"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.changeDecision(appeal.getId(), DecisionKind.BIFALL, 0, "x", "h"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.changeDecision(appeal.getId(), DecisionKind.BIFALL, 6_000, " ", "h"))
                .isInstanceOf(IllegalArgumentException.class);
        verify(decisions, never()).save(any());
    }

    @Test
    void recordsForwardingRulingAndLateDismissal() {
        Appeal upheld = appeal(true);
        service.forwardToCourt(upheld.getId());
        assertThat(upheld.getStatus()).isEqualTo(AppealStatus.OVERLAMNAT);
        service.registerCourtRuling(upheld.getId(), se.stegvis.appeal.domain.CourtOutcome.AVSLAG, " Mål 123-26, avslag ");
        assertThat(upheld.getStatus()).isEqualTo(AppealStatus.DOM_REGISTRERAD);
        assertThat(upheld.getCourtRuling()).isEqualTo("Mål 123-26, avslag");

        Appeal late = appeal(false);
        service.dismissAsLate(late.getId());
        assertThat(late.getStatus()).isEqualTo(AppealStatus.AVVISAT_FOR_SENT);
        assertThatThrownBy(() -> service.dismissAsLate(upheld.getId())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFormShowsTheDecisionAsText() {
        Appeal appeal = appeal(true);
        AppealService.ReconsiderationView view = service.prepareReconsideration(appeal.getId());
        assertThat(view.kind()).isEqualTo("Delvis bifall");
        assertThat(view.amount()).isEqualTo("5\u00A0000\u00A0kr");
        assertThat(view.reasons()).isEqualTo("Inkomst av lön");
        assertThat(view.dates()).contains("12 januari 2026", "20 januari 2026", "sista dag 2 februari 2026");
    }
}
