package se.stegvis.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A placement's life: matching, start, the switch to flex-SFI, the end with an outcome; and monthly attendance. */
class PlacementTest {

    static final LocalDate REQUESTED = LocalDate.of(2026, 3, 2);
    final PlacementProvider employer = new PlacementProvider("Bygg & Montage AB", ProviderKind.ARBETSGIVARE, 2);

    @Test
    void waitingTimeRunsFromRequestToMatchAndToStart() {
        Placement placement = new Placement(UUID.randomUUID(), PlacementType.PRAKTIK, REQUESTED);
        assertThat(placement.waitingDays()).isEmpty();
        assertThat(placement.daysToMatch()).isEmpty();

        placement.matchTo(employer, REQUESTED.plusDays(10));
        placement.start(REQUESTED.plusDays(21));

        assertThat(placement.daysToMatch()).contains(10L);
        assertThat(placement.waitingDays()).contains(21L);
        assertThat(placement.getProviderId()).contains(employer.getId());
    }

    @Test
    void datesKeepTheirOrder() {
        Placement placement = new Placement(UUID.randomUUID(), PlacementType.PRAKTIK, REQUESTED);
        assertThatThrownBy(() -> placement.start(REQUESTED)).as("not matched").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> placement.matchTo(employer, REQUESTED.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        placement.matchTo(employer, REQUESTED.plusDays(3));
        assertThatThrownBy(() -> placement.start(REQUESTED.plusDays(2))).isInstanceOf(IllegalArgumentException.class);
        placement.start(REQUESTED.plusDays(3));
        assertThatThrownBy(() -> placement.end(REQUESTED.plusDays(2), PlacementOutcome.NASTA_STEG, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlySfiSwitchesToFlexSfiDuringParentalLeave() {
        Placement sfi = new Placement(UUID.randomUUID(), PlacementType.SFI, REQUESTED);
        sfi.switchToFlexSfi(REQUESTED.plusMonths(2));
        assertThat(sfi.getType()).isEqualTo(PlacementType.FLEX_SFI);
        assertThat(sfi.getSwitchedToFlexSfiOn()).contains(REQUESTED.plusMonths(2));
        assertThat(sfi.getOutcome()).as("not interrupted").isEmpty();

        Placement praktik = new Placement(UUID.randomUUID(), PlacementType.PRAKTIK, REQUESTED);
        assertThatThrownBy(() -> praktik.switchToFlexSfi(REQUESTED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInterruptedPlacementNeedsAReasonAndOthersKeepNone() {
        Placement placement = new Placement(UUID.randomUUID(), PlacementType.ARBETSTRANING, REQUESTED);
        assertThatThrownBy(() -> placement.end(REQUESTED.plusDays(30), PlacementOutcome.AVBRUTEN, " "))
                .isInstanceOf(IllegalArgumentException.class);
        placement.end(REQUESTED.plusDays(30), PlacementOutcome.AVBRUTEN, "Flyttade till annan kommun");
        assertThat(placement.getInterruptionReason()).contains("Flyttade till annan kommun");

        Placement toWork = new Placement(UUID.randomUUID(), PlacementType.NYSTARTSJOBB, REQUESTED);
        toWork.end(REQUESTED.plusMonths(12), PlacementOutcome.ARBETE, "ignored");
        assertThat(toWork.getInterruptionReason()).isEmpty();
        assertThat(toWork.getOutcome()).hasValueSatisfying(o -> assertThat(o.workOrStudies()).isTrue());
    }

    @Test
    void typesKnowWhichAreCompanyBasedAndSubsidised() {
        assertThat(PlacementType.PRAKTIK.companyBased()).isTrue();
        assertThat(PlacementType.PRAKTIK.subsidisedEmployment()).isFalse();
        assertThat(PlacementType.ANSTALLNING_MED_STOD_LONEBIDRAG.subsidisedEmployment()).isTrue();
        assertThat(PlacementType.FLEX_SFI.companyBased()).isFalse();
        assertThat(PlacementType.KOMBINATIONSUTBILDNING.label()).startsWith("Kombinationsutbildning");
    }

    @Test
    void attendanceCannotExceedThePlannedDays() {
        UUID placement = UUID.randomUUID();
        Attendance march = new Attendance(placement, YearMonth.of(2026, 3), 20, 16, 1, "handledare", Instant.now());
        assertThat(march.daysAbsentExcused()).isEqualTo(3);
        assertThat(march.hasUnexcusedAbsence()).isTrue();
        assertThat(new Attendance(placement, YearMonth.of(2026, 4), 20, 20, 0, "handledare", Instant.now())
                .hasUnexcusedAbsence()).isFalse();
        assertThatThrownBy(() -> new Attendance(placement, YearMonth.of(2026, 5), 10, 8, 3, "handledare", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attendance(placement, YearMonth.of(2026, 5), 10, -1, 0, "handledare", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProviderHasANameAndNoNegativeCapacity() {
        assertThatThrownBy(() -> new PlacementProvider(" ", ProviderKind.SKOLA, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlacementProvider("Komvux", ProviderKind.SKOLA, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
