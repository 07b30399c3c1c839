package se.stegvis.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.stegvis.activity.ActivityExtent.Facts;
import se.stegvis.activity.ActivityExtent.Requirement;
import se.stegvis.config.InvalidRequestException;

class ActivityExtentTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    final ActivityExtent extent = new ActivityExtent(ActivityRequirementSettings.defaults());

    Requirement required(Integer partTime, Integer other, Integer capacity, CapacityReason reason, LocalDate certificate) {
        return extent.required(new Facts(partTime, other, capacity, reason, certificate), TODAY);
    }

    @Test
    void fullTimeWhenNothingIsRecorded() {
        Requirement r = required(null, null, null, null, null);
        assertThat(r.requiredHours()).isEqualTo(40);
        assertThat(r.capacityPercent()).isEqualTo(100);
        assertThat(r.explain()).isEqualTo("heltid 40 tim = 40 timmar i veckan");
    }

    @Test
    void partTimeWorkAndOtherInsatserAreSubtracted() {
        assertThat(required(15, 5, 100, null, null).requiredHours()).isEqualTo(20);
        assertThat(required(30, 20, null, null, null).requiredHours()).isZero();
    }

    @Test
    void capacityAppliesToTheWholeWeekAndRoundsDown() {
        // 75 % of 40 = 30, minus 10 hours of work = 20
        Requirement r = required(10, 0, 75, CapacityReason.FUNKTIONSNEDSATTNING, null);
        assertThat(r.requiredHours()).isEqualTo(20);
        assertThat(r.explain()).isEqualTo("heltid 40 tim × förmåga 75 % − deltidsarbete 10 tim = 20 timmar i veckan");
        // 33 % of 40 = 13.2 → 13
        assertThat(required(0, 0, 33, CapacityReason.ANNAT, null).requiredHours()).isEqualTo(13);
    }

    @Test
    void otherFullTimeIsASetting() {
        ActivityExtent thirtyFive = new ActivityExtent(new ActivityRequirementSettings(null, null, null, null, 35));
        assertThat(thirtyFive.required(new Facts(5, null, 50, CapacityReason.SOCIALA_SKAL, null), TODAY).requiredHours())
                .isEqualTo(12); // 17 (17.5 rounded down) − 5
    }

    @Test
    void reducedCapacityNeedsAReasonAndIllnessALakarintyg() {
        assertThatThrownBy(() -> required(0, 0, 50, null, null)).isInstanceOf(InvalidRequestException.class)
                .hasFieldOrPropertyWithValue("field", ActivityExtent.FIELD_CAPACITY_REASON);
        assertThatThrownBy(() -> required(0, 0, 50, CapacityReason.SJUKDOM, null))
                .isInstanceOf(InvalidRequestException.class)
                .hasFieldOrPropertyWithValue("field", ActivityExtent.FIELD_MEDICAL_CERTIFICATE)
                .hasMessageContaining("läkarintyg");
        assertThatThrownBy(() -> required(0, 0, 50, CapacityReason.SJUKDOM, TODAY.plusDays(1)))
                .hasFieldOrPropertyWithValue("field", ActivityExtent.FIELD_MEDICAL_CERTIFICATE);
        Requirement ill = required(0, 0, 50, CapacityReason.SJUKDOM, TODAY.minusDays(3));
        assertThat(ill.requiredHours()).isEqualTo(20);
        assertThat(ill.medicalCertificateDate()).isEqualTo(TODAY.minusDays(3));
        // At full capacity a reason and certificate are not kept.
        assertThat(required(0, 0, 100, CapacityReason.SJUKDOM, null).capacityReason()).isNull();
    }

    @Test
    void hoursAndCapacityOutsideTheirRangeAreRefusedNamingTheField() {
        assertThatThrownBy(() -> required(-1, 0, null, null, null))
                .hasFieldOrPropertyWithValue("field", ActivityExtent.FIELD_PART_TIME_WORK);
        assertThatThrownBy(() -> required(0, 41, null, null, null))
                .hasFieldOrPropertyWithValue("field", ActivityExtent.FIELD_OTHER_INSATSER);
        assertThatThrownBy(() -> required(0, 0, 101, null, null))
                .hasFieldOrPropertyWithValue("field", ActivityExtent.FIELD_CAPACITY);
    }

    @Test
    void aCoveredClientsPlanBelowTheRequirementOrWithoutJobSearchNeedsAReason() {
        Requirement full = required(null, null, null, null, null);
        assertThat(extent.shortfall(true, full, 30, 5, null)).hasValueSatisfying(m -> assertThat(m)
                .contains("30 timmar", "kravet är 40", "Skäl att avvika"));
        assertThat(extent.shortfall(true, full, 40, 0, " ")).hasValueSatisfying(m -> assertThat(m)
                .contains("jobbsökande"));
        assertThat(extent.shortfall(true, full, 40, 5, null)).isEmpty();
        assertThat(extent.shortfall(true, full, 30, 0, "Läkarintyg om nedsatt förmåga väntas")).isEmpty();
        assertThat(extent.shortfall(false, full, 0, 0, null)).isEmpty();
    }

    @Test
    void aTooLongDeviationReasonIsRefused() {
        assertThat(ActivityExtent.deviationReason("  skäl  ")).isEqualTo("skäl");
        assertThat(ActivityExtent.deviationReason(" ")).isNull();
        assertThatThrownBy(() -> ActivityExtent.deviationReason("x".repeat(1001)))
                .hasFieldOrPropertyWithValue("field", ActivityExtent.FIELD_DEVIATION_REASON);
    }
}
