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

    /** The same month in hours (issue #11: attendance in hours); null when reported in days only. */
    @Column(name = "hours_planned")
    private Integer hoursPlanned;

    @Column(name = "hours_present")
    private Integer hoursPresent;

    @Column(name = "hours_absent_unexcused")
    private Integer hoursAbsentUnexcused;

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

    /** Maximum hours in a month (31 days of 24 hours): a typing error beyond it is refused. */
    public static final int MAX_HOURS_IN_MONTH = 744;

    /**
     * Records the month in hours too: planned, present and absent without acceptable reason; present and absent
     * together not more than planned, and no absence in hours without absent days or the other way round.
     */
    public Attendance withHours(int planned, int present, int absentUnexcused) {
        if (planned < 0 || present < 0 || absentUnexcused < 0 || planned > MAX_HOURS_IN_MONTH) {
            throw new IllegalArgumentException("hours 0.." + MAX_HOURS_IN_MONTH);
        }
        if (present + absentUnexcused > planned) {
            throw new IllegalArgumentException("present (" + present + ") and absent (" + absentUnexcused
                    + ") hours exceed the planned " + planned);
        }
        if ((absentUnexcused > 0) != (daysAbsentUnexcused > 0)) {
            throw new IllegalArgumentException("absence without acceptable reason in hours and in days disagree");
        }
        this.hoursPlanned = planned;
        this.hoursPresent = present;
        this.hoursAbsentUnexcused = absentUnexcused;
        return this;
    }

    /** Whether the month was reported in hours as well as days. */
    public boolean reportedInHours() {
        return hoursPlanned != null;
    }

    public java.util.Optional<Integer> getHoursPlanned() {
        return java.util.Optional.ofNullable(hoursPlanned);
    }

    public java.util.Optional<Integer> getHoursPresent() {
        return java.util.Optional.ofNullable(hoursPresent);
    }

    public java.util.Optional<Integer> getHoursAbsentUnexcused() {
        return java.util.Optional.ofNullable(hoursAbsentUnexcused);
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
