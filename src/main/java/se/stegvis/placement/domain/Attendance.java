package se.stegvis.placement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A placement's attendance for one month, reported by the supervisor or the school: days planned, days present and
 * days absent without acceptable reason (frånvaro utan godtagbart skäl — what may lead to a sanction).
 */
@Entity
@Table(name = "placement_attendance")
public class Attendance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "placement_id", nullable = false)
    private UUID placementId;

    @Column(name = "for_month", nullable = false, length = 7)
    private String month;

    @Column(name = "days_planned", nullable = false)
    private int daysPlanned;

    @Column(name = "days_present", nullable = false)
    private int daysPresent;

    @Column(name = "days_absent_unexcused", nullable = false)
    private int daysAbsentUnexcused;

    @Column(name = "reported_by", nullable = false, length = 64)
    private String reportedBy;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    protected Attendance() {}

    public Attendance(UUID placementId, YearMonth month, int daysPlanned, int daysPresent, int daysAbsentUnexcused,
                      String reportedBy, Instant reportedAt) {
        if (daysPlanned < 0 || daysPresent < 0 || daysAbsentUnexcused < 0) {
            throw new IllegalArgumentException("days cannot be negative");
        }
        if (daysPresent + daysAbsentUnexcused > daysPlanned) {
            throw new IllegalArgumentException("present (" + daysPresent + ") and absent (" + daysAbsentUnexcused
                    + ") days exceed the planned " + daysPlanned);
        }
        this.placementId = placementId;
        this.month = month.toString();
        this.daysPlanned = daysPlanned;
        this.daysPresent = daysPresent;
        this.daysAbsentUnexcused = daysAbsentUnexcused;
        this.reportedBy = reportedBy;
        this.reportedAt = reportedAt;
    }

    /** Absence without acceptable reason: the coach looks into it and may propose a sanction. */
    public boolean hasUnexcusedAbsence() {
        return daysAbsentUnexcused > 0;
    }

    /** Planned days neither present nor unexcused: absence with an acceptable reason (illness, a sick child, ...). */
    public int daysAbsentExcused() {
        return daysPlanned - daysPresent - daysAbsentUnexcused;
    }

    public Long getId() {
        return id;
    }

    public UUID getPlacementId() {
        return placementId;
    }

    public YearMonth getMonth() {
        return YearMonth.parse(month);
    }

    public int getDaysPlanned() {
        return daysPlanned;
    }

    public int getDaysPresent() {
        return daysPresent;
    }

    public int getDaysAbsentUnexcused() {
        return daysAbsentUnexcused;
    }

    public String getReportedBy() {
        return reportedBy;
    }
}
