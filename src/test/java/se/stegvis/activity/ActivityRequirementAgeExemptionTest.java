package se.stegvis.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.stegvis.activity.domain.AgeExemption;
import se.stegvis.activity.domain.AgeExemptionRepository;
import se.stegvis.activity.domain.CoverageEventRepository;
import se.stegvis.activity.domain.ExemptionGround;
import se.stegvis.activity.domain.ExemptionRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.client.domain.SyntheticPersonnummer;

/**
 * A grant that completes the consecutive months of a client exempt by age records no coverage event but the age
 * exemption, once per client, run and ground, for the key figures. The synthetic client's age (born in the 1990s by
 * the age rules) is put on either side of the settings' ages, so no real personnummer is needed.
 */
class ActivityRequirementAgeExemptionTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-03T08:00:00Z"), ZoneId.of("Europe/Stockholm"));
    static final LocalDate TODAY = LocalDate.now(CLOCK);

    final Client client = new Client(SyntheticPersonnummer.withSeed(11).next(), CLOCK.instant());
    final LocalDate birth = ActivityRequirementRules.birthDateForAgeRules(client.getPersonnummer());
    final int age = Period.between(birth, TODAY).getYears();
    final List<AgeExemption> saved = new ArrayList<>();
    final CoverageEventRepository coverageEvents = mock(CoverageEventRepository.class);

    ActivityRequirementService service(int adultAge, int pensionAge, YearMonth... granted) {
        GrantedMonths grantedMonths = mock(GrantedMonths.class);
        when(grantedMonths.of(client.getId())).thenReturn(List.of(granted));
        ExemptionRepository exemptions = mock(ExemptionRepository.class);
        when(exemptions.findByClientIdOrderByValidFrom(any())).thenReturn(List.of());
        AgeExemptionRepository ageExemptions = mock(AgeExemptionRepository.class);
        when(ageExemptions.findByClientIdAndCoveredFromAndGround(any(), anyString(), any())).thenAnswer(i ->
                saved.stream().filter(a -> a.getClientId().equals(i.getArgument(0))
                        && a.getCoveredFrom().toString().equals(i.getArgument(1)) && a.getGround() == i.getArgument(2))
                        .findFirst());
        when(ageExemptions.save(any())).thenAnswer(i -> {
            saved.add(i.getArgument(0));
            return i.getArgument(0);
        });
        ClientRepository clients = mock(ClientRepository.class);
        when(clients.findById(client.getId())).thenReturn(Optional.of(client));
        AgreedPlanExtents plans = clientId -> Optional.empty();
        return new ActivityRequirementService(new ActivityRequirementSettings(null, null, adultAge, pensionAge, null),
                grantedMonths, exemptions, coverageEvents, ageExemptions, clients, plans, CLOCK);
    }

    static YearMonth[] augustToOctober() {
        return new YearMonth[] {YearMonth.of(2026, 8), YearMonth.of(2026, 9), YearMonth.of(2026, 10)};
    }

    @Test
    void atThePensionAgeTheGrantRecordsTheAgeExemptionOnceAndNoCoverage() {
        ActivityRequirementService service = service(18, age, augustToOctober());
        assertThat(service.recordCoverageIfNew(client.getId())).isEmpty();
        assertThat(service.recordCoverageIfNew(client.getId())).as("the same grant looked at again").isEmpty();
        assertThat(saved).singleElement().satisfies(a -> {
            assertThat(a.getGround()).isEqualTo(ExemptionGround.PENSIONSALDER);
            assertThat(a.getCoveredFrom()).isEqualTo(YearMonth.of(2026, 11));
            // The birthday of the pension age, or the first day of the requirement when that is later.
            LocalDate pensionDay = birth.plusYears(age);
            LocalDate first = LocalDate.of(2026, 11, 1);
            assertThat(a.getValidFrom()).isEqualTo(pensionDay.isAfter(first) ? pensionDay : first);
            assertThat(a.getValidTo()).isEmpty();
        });
        org.mockito.Mockito.verify(coverageEvents, org.mockito.Mockito.never()).save(any());
        assertThat(service.status(client.getId()).covered()).isFalse();
    }

    @Test
    void underTheAdultAgeTheExemptionEndsTheDayBeforeThatBirthday() {
        ActivityRequirementService service = service(age + 1, age + 40, augustToOctober());
        assertThat(service.recordCoverageIfNew(client.getId())).isEmpty();
        assertThat(saved).singleElement().satisfies(a -> {
            assertThat(a.getGround()).isEqualTo(ExemptionGround.UNDER_18);
            assertThat(a.getValidFrom()).isEqualTo(LocalDate.of(2026, 11, 1));
            assertThat(a.getValidTo()).contains(birth.plusYears(age + 1).minusDays(1));
        });
    }

    @Test
    void noAgeExemptionWithoutTheConsecutiveMonthsOrForAClientOfWorkingAge() {
        assertThat(service(18, age, YearMonth.of(2026, 9), YearMonth.of(2026, 10)).recordCoverageIfNew(client.getId()))
                .isEmpty();
        assertThat(saved).as("two months do not make a run").isEmpty();
        when(coverageEvents.findByClientIdAndCoveredFrom(any(), anyString())).thenReturn(Optional.empty());
        when(coverageEvents.save(any())).thenAnswer(i -> i.getArgument(0));
        assertThat(service(18, 67, augustToOctober()).recordCoverageIfNew(client.getId())).isPresent();
        assertThat(saved).as("of working age: covered, not exempt").isEmpty();
    }
}
