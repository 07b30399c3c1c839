package se.stegvis.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.stegvis.activity.domain.ExemptionGround;
import se.stegvis.client.domain.Personnummer;
import se.stegvis.client.domain.SyntheticPersonnummer;

class ActivityRequirementRulesTest {

    final ActivityRequirementRules rules = new ActivityRequirementRules(ActivityRequirementSettings.defaults());

    static YearMonth ym(String month) {
        return YearMonth.parse(month);
    }

    @Test
    void threeConsecutiveGrantedMonthsCoverFromTheMonthAfter() {
        var coverage = rules.coverage(List.of(ym("2026-10"), ym("2026-11"), ym("2026-12")), ym("2027-01")).orElseThrow();
        assertThat(coverage.coveredFrom()).isEqualTo(ym("2027-01"));
        assertThat(coverage.runStart()).isEqualTo(ym("2026-10"));
        assertThat(coverage.lastGranted()).isEqualTo(ym("2026-12"));
        // Decided in December for December: covered from January, shown already.
        assertThat(rules.coverage(List.of(ym("2026-10"), ym("2026-11"), ym("2026-12")), ym("2026-12")))
                .map(ActivityRequirementRules.Coverage::coveredFrom).contains(ym("2027-01"));
    }

    @Test
    void julyToSeptember2026CoverFromOctober2026AndEarlierMonthsNotBeforeIt() {
        assertThat(rules.coverage(List.of(ym("2026-07"), ym("2026-08"), ym("2026-09")), ym("2026-10")))
                .map(ActivityRequirementRules.Coverage::coveredFrom).contains(ym("2026-10"));
        // Granted all year: the requirement still starts with October 2026, the first month the law bites on.
        var year = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(m -> YearMonth.of(2026, m)).toList();
        assertThat(rules.coverage(year, ym("2026-10"))).map(ActivityRequirementRules.Coverage::coveredFrom)
                .contains(ym("2026-10"));
        // In spring 2026 the requirement lies more than a month ahead: not yet covered.
        assertThat(rules.coverage(List.of(ym("2026-01"), ym("2026-02"), ym("2026-03")), ym("2026-04"))).isEmpty();
    }

    @Test
    void twoMonthsOrAGapOrStoppedAssistanceDoNotCover() {
        assertThat(rules.coverage(List.of(ym("2026-11"), ym("2026-12")), ym("2027-01"))).isEmpty();
        // A gap breaks the run: only the latest run counts.
        assertThat(rules.coverage(List.of(ym("2026-08"), ym("2026-09"), ym("2026-11"), ym("2026-12")), ym("2027-01")))
                .isEmpty();
        // Assistance stopped: the last granted month lies more than a month back.
        assertThat(rules.coverage(List.of(ym("2026-09"), ym("2026-10"), ym("2026-11")), ym("2027-01"))).isEmpty();
        assertThat(rules.coverage(List.of(), ym("2027-01"))).isEmpty();
    }

    @Test
    void theNumberOfMonthsIsASetting() {
        var four = new ActivityRequirementRules(new ActivityRequirementSettings(null, 4, null, null, null));
        assertThat(four.coverage(List.of(ym("2026-10"), ym("2026-11"), ym("2026-12")), ym("2027-01"))).isEmpty();
        assertThat(four.coverage(List.of(ym("2026-09"), ym("2026-10"), ym("2026-11"), ym("2026-12")), ym("2027-01")))
                .map(ActivityRequirementRules.Coverage::coveredFrom).contains(ym("2027-01"));
    }

    @Test
    void ageExemptionsComeFromThePersonnummer() {
        // By birth date (no real personnummer in tests): born 2009-03-15 → under 18 until 2027-03-14.
        LocalDate young = LocalDate.of(2009, 3, 15);
        var under18 = rules.ageExemption(young, LocalDate.of(2027, 1, 10)).orElseThrow();
        assertThat(under18.ground()).isEqualTo(ExemptionGround.UNDER_18);
        assertThat(under18.to()).isEqualTo(LocalDate.of(2027, 3, 14));
        assertThat(rules.ageExemption(young, LocalDate.of(2027, 3, 15))).isEmpty();

        LocalDate old = LocalDate.of(1959, 12, 1);
        assertThat(rules.ageExemption(old, LocalDate.of(2026, 11, 30))).isEmpty();
        var pension = rules.ageExemption(old, LocalDate.of(2026, 12, 1)).orElseThrow();
        assertThat(pension.ground()).isEqualTo(ExemptionGround.PENSIONSALDER);
        assertThat(pension.from()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(pension.to()).isNull();
    }

    @Test
    void syntheticNumbersCountAsBornACenturyLater() {
        Personnummer synthetic = SyntheticPersonnummer.withSeed(11).next();
        assertThat(ActivityRequirementRules.birthDateForAgeRules(synthetic))
                .isEqualTo(synthetic.birthDate().plusYears(100));
        assertThat(rules.ageExemption(synthetic, LocalDate.of(2026, 11, 30))).isEmpty();
    }
}
