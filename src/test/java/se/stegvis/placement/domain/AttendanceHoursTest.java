package se.stegvis.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttendanceHoursTest {

    static Attendance days(int planned, int present, int absent) {
        return new Attendance(UUID.randomUUID(), YearMonth.of(2026, 11), planned, present, absent, "coach1",
                Instant.parse("2026-12-01T08:00:00Z"));
    }

    @Test
    void aMonthInDaysAndHours() {
        Attendance a = days(20, 17, 1).withHours(160, 130, 8);
        assertThat(a.reportedInHours()).isTrue();
        assertThat(a.getHoursPlanned()).contains(160);
        assertThat(a.getHoursPresent()).contains(130);
        assertThat(a.getHoursAbsentUnexcused()).contains(8);
    }

    @Test
    void daysOnlyAsBefore() {
        Attendance a = days(20, 20, 0);
        assertThat(a.reportedInHours()).isFalse();
        assertThat(a.getHoursPlanned()).isEmpty();
    }

    @Test
    void hoursThatCannotBeAreRefused() {
        assertThatThrownBy(() -> days(20, 17, 1).withHours(160, 150, 20)).hasMessageContaining("exceed the planned");
        assertThatThrownBy(() -> days(20, 17, 1).withHours(745, 0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> days(20, 17, 1).withHours(160, 150, 0)).hasMessageContaining("disagree");
        assertThatThrownBy(() -> days(20, 20, 0).withHours(160, 150, 4)).hasMessageContaining("disagree");
    }
}
