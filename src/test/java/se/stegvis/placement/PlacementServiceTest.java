package se.stegvis.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.stegvis.config.NotFoundException;
import se.stegvis.placement.domain.Attendance;
import se.stegvis.placement.domain.AttendanceRepository;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementOutcome;
import se.stegvis.placement.domain.PlacementProvider;
import se.stegvis.placement.domain.PlacementProviderRepository;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.placement.domain.ProviderFullException;
import se.stegvis.placement.domain.ProviderKind;

/** The service's own rules: capacity of providers, repeatable steps, flex-SFI only from SFI, one report a month. */
class PlacementServiceTest {

    static final LocalDate REQUESTED = LocalDate.of(2026, 10, 20);

    final PlacementRepository placements = mock(PlacementRepository.class);
    final PlacementProviderRepository providers = mock(PlacementProviderRepository.class);
    final AttendanceRepository attendance = mock(AttendanceRepository.class);
    final List<Attendance> saved = new ArrayList<>();
    final PlacementService service = new PlacementService(placements, providers, attendance,
            Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneId.of("Europe/Stockholm")));
    final PlacementProvider bakery = new PlacementProvider("Bageri AB", ProviderKind.ARBETSGIVARE, 3);
    Placement placement;

    @BeforeEach
    void setUp() {
        when(placements.findById(any())).thenAnswer(i -> placement != null && placement.getId().equals(i.getArgument(0))
                ? Optional.of(placement) : Optional.empty());
        when(providers.findByKindAndActiveTrueOrderByName(ProviderKind.ARBETSGIVARE)).thenReturn(List.of(bakery));
        when(providers.findById(bakery.getId())).thenReturn(Optional.of(bakery));
        when(providers.lockById(bakery.getId())).thenReturn(Optional.of(bakery));
        when(attendance.findByPlacementIdAndMonth(any(), anyString())).thenAnswer(i -> saved.stream()
                .filter(a -> a.getMonth().toString().equals(i.getArgument(1))).findFirst());
        when(attendance.save(any())).thenAnswer(i -> {
            saved.add(i.getArgument(0));
            return i.getArgument(0);
        });
    }

    @Test
    void matchesAProviderWithAFreePlaceAndAgainWithoutCountingItself() {
        placement = new Placement(UUID.randomUUID(), PlacementType.PRAKTIK, REQUESTED);
        when(placements.countByProviderIdAndEndDateIsNull(bakery.getId())).thenReturn(2L);
        service.match(placement.getId(), bakery.getId(), REQUESTED.plusDays(8), "pi-1");
        assertThat(placement.getProviderId()).contains(bakery.getId());
        assertThat(placement.getProcessInstanceId()).isEqualTo("pi-1");
        // Now full (3 of 3, this one included): a retried job for the same placement changes nothing.
        when(placements.countByProviderIdAndEndDateIsNull(bakery.getId())).thenReturn(3L);
        service.match(placement.getId(), bakery.getId(), REQUESTED.plusDays(8), "pi-1");
        assertThat(placement.getMatchedOn()).contains(REQUESTED.plusDays(8));
    }

    @Test
    void aFullProviderOrOneOfTheWrongKindIsRefused() {
        placement = new Placement(UUID.randomUUID(), PlacementType.PRAKTIK, REQUESTED);
        when(placements.countByProviderIdAndEndDateIsNull(bakery.getId())).thenReturn(3L);
        assertThatThrownBy(() -> service.match(placement.getId(), bakery.getId(), REQUESTED, "pi-1"))
                .isInstanceOf(ProviderFullException.class).hasMessageContaining("ingen ledig plats");
        assertThat(service.offers(placement.getId())).isEmpty();
        PlacementProvider school = new PlacementProvider("Komvux Norr", ProviderKind.SKOLA, 10);
        when(providers.findById(school.getId())).thenReturn(Optional.of(school));
        assertThatThrownBy(() -> service.checkCanTake(placement.getId(), school.getId()))
                .isInstanceOf(ProviderFullException.class).hasMessageContaining("tar inte emot Praktik");
        assertThat(placement.getProviderId()).isEmpty();
    }

    @Test
    void anExitInterruptsTheOpenPlacementsOnly() {
        Placement running = new Placement(UUID.randomUUID(), PlacementType.SFI, REQUESTED);
        running.matchTo(bakery, REQUESTED);
        running.start(REQUESTED.plusDays(40));
        when(placements.findByJourneyIdAndEndDateIsNull(running.getJourneyId())).thenReturn(List.of(running));
        service.endOpenPlacements(running.getJourneyId(), REQUESTED.plusDays(30), "Klientresan avslutades: arbete.");
        assertThat(running.getOutcome()).contains(PlacementOutcome.AVBRUTEN);
        assertThat(running.getEndDate()).as("not before its start").contains(REQUESTED.plusDays(40));
        assertThat(running.getInterruptionReason()).contains("Klientresan avslutades: arbete.");
    }

    @Test
    void startAndEndKeepTheirFirstDatesWhenRepeated() {
        placement = new Placement(UUID.randomUUID(), PlacementType.PRAKTIK, REQUESTED);
        service.match(placement.getId(), bakery.getId(), REQUESTED, "pi-1");
        service.start(placement.getId(), REQUESTED.plusDays(10));
        service.start(placement.getId(), REQUESTED.plusDays(20));
        assertThat(placement.getStartDate()).contains(REQUESTED.plusDays(10));
        service.end(placement.getId(), REQUESTED.plusDays(90), PlacementOutcome.ARBETE, null);
        service.end(placement.getId(), REQUESTED.plusDays(95), PlacementOutcome.AVBRUTEN, "annat");
        assertThat(placement.getOutcome()).contains(PlacementOutcome.ARBETE);
        assertThat(placement.getEndDate()).contains(REQUESTED.plusDays(90));
    }

    @Test
    void parentalLeaveSwitchesOnlySfiAndOnlyOnce() {
        placement = new Placement(UUID.randomUUID(), PlacementType.SFI, REQUESTED);
        assertThat(service.parentalLeave(placement.getId(), LocalDate.of(2026, 11, 2))).isTrue();
        assertThat(placement.getType()).isEqualTo(PlacementType.FLEX_SFI);
        assertThat(service.parentalLeave(placement.getId(), LocalDate.of(2026, 12, 1))).as("already flex-SFI").isFalse();
        assertThat(placement.getSwitchedToFlexSfiOn()).contains(LocalDate.of(2026, 11, 2));

        placement = new Placement(UUID.randomUUID(), PlacementType.PRAKTIK, REQUESTED);
        assertThat(service.parentalLeave(placement.getId(), LocalDate.of(2026, 11, 2))).isFalse();
        assertThat(placement.getType()).isEqualTo(PlacementType.PRAKTIK);
    }

    @Test
    void aMonthIsReportedOnce() {
        placement = new Placement(UUID.randomUUID(), PlacementType.PRAKTIK, REQUESTED);
        YearMonth november = YearMonth.of(2026, 11);
        Attendance first = service.reportAttendance(placement.getId(), november, 20, 17, 1, "coach1");
        assertThat(service.reportAttendance(placement.getId(), november, 20, 17, 1, "coach1")).as("a retried job")
                .isSameAs(first);
        assertThatThrownBy(() -> service.reportAttendance(placement.getId(), november, 20, 20, 0, "coach1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("redan rapporterad");
        assertThat(saved).hasSize(1);
    }

    @Test
    void anUnknownPlacementIsNotFound() {
        assertThatThrownBy(() -> service.start(UUID.randomUUID(), REQUESTED)).isInstanceOf(NotFoundException.class);
    }
}
