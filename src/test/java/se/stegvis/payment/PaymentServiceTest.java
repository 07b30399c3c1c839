package se.stegvis.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import se.stegvis.config.NotFoundException;
import se.stegvis.payment.domain.BankingCalendar;
import se.stegvis.payment.domain.Payment;
import se.stegvis.payment.domain.PaymentRepository;

class PaymentServiceTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    static final UUID DECISION = UUID.randomUUID();
    static final UUID CLIENT = UUID.randomUUID();

    PaymentRepository payments = mock(PaymentRepository.class);
    PaymentInsert insert = mock(PaymentInsert.class);
    RuntimeService runtimeService = mock(RuntimeService.class);

    PaymentService serviceOn(LocalDate today) {
        Clock clock = Clock.fixed(today.atTime(9, 0).atZone(STOCKHOLM).toInstant(), STOCKHOLM);
        PaymentProperties properties = new PaymentProperties(27, new PaymentProperties.Debtor(
                "Norrköpings kommun", "212000-0514", "ESSESESS", "SE4550000000058398257466", "BANK"));
        return new PaymentService(payments, insert, new BankingCalendar(), properties, runtimeService,
                mock(PayoutAccountService.class), clock);
    }

    @Test
    void paysOnThePaymentDayOfTheMonth() {
        assertThat(serviceOn(LocalDate.of(2026, 1, 10)).paymentDate(YearMonth.of(2026, 1))).isEqualTo("2026-01-27");
    }

    @Test
    void paymentDayOnASaturdayMovesToTheFridayBefore() {
        // 27 June 2026 is a Saturday
        assertThat(serviceOn(LocalDate.of(2026, 6, 1)).paymentDate(YearMonth.of(2026, 6))).isEqualTo("2026-06-26");
    }

    @Test
    void paymentDayOnTheDayItselfIsKept() {
        assertThat(serviceOn(LocalDate.of(2026, 1, 27)).paymentDate(YearMonth.of(2026, 1))).isEqualTo("2026-01-27");
    }

    @Test
    void decisionAfterThePaymentDayIsPaidTheSameDayWhenABankingDay() {
        // decided Wednesday 28 January: the 27th has passed
        assertThat(serviceOn(LocalDate.of(2026, 1, 28)).paymentDate(YearMonth.of(2026, 1))).isEqualTo("2026-01-28");
    }

    @Test
    void decisionAfterThePaymentDayOnASaturdayIsPaidOnMonday() {
        assertThat(serviceOn(LocalDate.of(2026, 1, 31)).paymentDate(YearMonth.of(2026, 1))).isEqualTo("2026-02-02");
    }

    @Test
    void decisionOnChristmasEveIsPaidAfterTheHolidays() {
        // December 2025: the 27th is a Saturday, so the payment day is Tuesday 23rd (24–26 closed); on the 24th that
        // has passed, and the next banking day is Monday 29th.
        assertThat(serviceOn(LocalDate.of(2025, 12, 1)).paymentDate(YearMonth.of(2025, 12))).isEqualTo("2025-12-23");
        assertThat(serviceOn(LocalDate.of(2025, 12, 24)).paymentDate(YearMonth.of(2025, 12))).isEqualTo("2025-12-29");
    }

    @Test
    void decisionForAnEarlierMonthIsPaidFromToday() {
        assertThat(serviceOn(LocalDate.of(2026, 3, 4)).paymentDate(YearMonth.of(2026, 1))).isEqualTo("2026-03-04");
    }

    @Test
    void schedulesANewPaymentOnce() {
        PaymentService service = serviceOn(LocalDate.of(2026, 1, 10));
        when(payments.findByDecisionId(DECISION)).thenReturn(Optional.empty());
        // the insert stores the payment, after which the repository finds it
        when(insert.insertUnlessDecisionPaid(any())).thenAnswer(call -> {
            when(payments.findByDecisionId(DECISION)).thenReturn(Optional.of(call.getArgument(0)));
            return true;
        });
        Payment payment = service.schedule(DECISION, CLIENT, 8_480, YearMonth.of(2026, 1)).orElseThrow();

        ArgumentCaptor<Payment> inserted = ArgumentCaptor.forClass(Payment.class);
        verify(insert).insertUnlessDecisionPaid(inserted.capture());
        assertThat(payment).isSameAs(inserted.getValue());
        assertThat(payment.getAmount()).isEqualTo(8_480);
        assertThat(payment.getClientId()).isEqualTo(CLIENT);
        assertThat(payment.getPaymentDate()).isEqualTo("2026-01-27");
        assertThat(payment.getStatus()).isEqualTo(Payment.Status.PLANERAD);
    }

    @Test
    void aSecondScheduleReturnsTheExistingPaymentWithoutInserting() {
        Payment existing = new Payment(DECISION, CLIENT, 5_000, LocalDate.of(2026, 1, 27), java.time.Instant.now());
        when(payments.findByDecisionId(DECISION)).thenReturn(Optional.of(existing));

        assertThat(serviceOn(LocalDate.of(2026, 1, 10)).schedule(DECISION, CLIENT, 5_000, YearMonth.of(2026, 1)))
                .containsSame(existing);
        verify(insert, never()).insertUnlessDecisionPaid(any());
    }

    @Test
    void aConcurrentInsertByAnotherNodeReturnsThatNodesPayment() {
        Payment theirs = new Payment(DECISION, CLIENT, 5_000, LocalDate.of(2026, 1, 27), java.time.Instant.now());
        when(payments.findByDecisionId(DECISION)).thenReturn(Optional.empty(), Optional.of(theirs));
        when(insert.insertUnlessDecisionPaid(any())).thenReturn(false);

        assertThat(serviceOn(LocalDate.of(2026, 1, 10)).schedule(DECISION, CLIENT, 5_000, YearMonth.of(2026, 1)))
                .containsSame(theirs);
    }

    @Test
    void nothingIsPaidForZeroKronor() {
        when(payments.findByDecisionId(DECISION)).thenReturn(Optional.empty());
        assertThat(serviceOn(LocalDate.of(2026, 1, 10)).schedule(DECISION, CLIENT, 0, YearMonth.of(2026, 1))).isEmpty();
        verify(insert, never()).insertUnlessDecisionPaid(any());
    }

    @Test
    void aNegativeAmountIsRefused() {
        assertThatThrownBy(() -> serviceOn(LocalDate.of(2026, 1, 10)).schedule(DECISION, CLIENT, -1, YearMonth.of(2026, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void confirmingASentPaymentCorrelatesTheMessage() {
        Payment payment = new Payment(DECISION, CLIENT, 5_000, LocalDate.of(2026, 1, 27), java.time.Instant.now());
        payment.sentIn(UUID.randomUUID());
        when(payments.findById(payment.getId())).thenReturn(Optional.of(payment));
        MessageCorrelationBuilder builder = mock(MessageCorrelationBuilder.class);
        when(runtimeService.createMessageCorrelation(PaymentService.MESSAGE_PAYMENT_CONFIRMED)).thenReturn(builder);
        when(builder.processInstanceVariableEquals(PaymentService.VAR_PAYMENT_ID, payment.getId().toString()))
                .thenReturn(builder);

        serviceOn(LocalDate.of(2026, 1, 27)).confirm(payment.getId());

        assertThat(payment.getStatus()).isEqualTo(Payment.Status.BEKRAFTAD);
        assertThat(payment.getConfirmedAt()).isNotNull();
        verify(builder).correlateAll();
    }

    @Test
    void aSecondConfirmationChangesNothing() {
        Payment payment = new Payment(DECISION, CLIENT, 5_000, LocalDate.of(2026, 1, 27), java.time.Instant.now());
        payment.sentIn(UUID.randomUUID());
        payment.confirm(java.time.Instant.parse("2026-01-27T10:00:00Z"));
        when(payments.findById(payment.getId())).thenReturn(Optional.of(payment));

        serviceOn(LocalDate.of(2026, 1, 28)).confirm(payment.getId());

        assertThat(payment.getConfirmedAt()).isEqualTo("2026-01-27T10:00:00Z");
        verify(runtimeService, never()).createMessageCorrelation(any());
    }

    @Test
    void aPaymentNotSentCannotBeConfirmed() {
        Payment payment = new Payment(DECISION, CLIENT, 5_000, LocalDate.of(2026, 1, 27), java.time.Instant.now());
        when(payments.findById(payment.getId())).thenReturn(Optional.of(payment));
        assertThatThrownBy(() -> serviceOn(LocalDate.of(2026, 1, 27)).confirm(payment.getId()))
                .isInstanceOf(PaymentConfirmationException.class);
        assertThatThrownBy(() -> serviceOn(LocalDate.of(2026, 1, 27)).confirm(UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class);
    }
}
