package se.stegvis.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.config.NotFoundException;
import se.stegvis.placement.domain.Attendance;
import se.stegvis.placement.domain.AttendanceRepository;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementOutcome;
import se.stegvis.placement.domain.PlacementProvider;
import se.stegvis.placement.domain.PlacementProviderRepository;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.placement.domain.ProviderKind;

/**
 * The entity work of the process {@code arbetsforberedande-insats}: each step goes through the placement's own methods,
 * which keep the rules (dates in order, a reason for an interruption, flex-SFI only from SFI). Every step is safe to
 * repeat: a retried job finds it done and changes nothing.
 */
@Service
@Transactional
public class PlacementService {

    /** Capacity of a provider first named in a match form, until someone sets the real one. */
    static final int NEW_PROVIDER_CAPACITY = 1;

    private final PlacementRepository placements;
    private final PlacementProviderRepository providers;
    private final AttendanceRepository attendance;
    private final Clock clock;

    public PlacementService(PlacementRepository placements, PlacementProviderRepository providers,
                            AttendanceRepository attendance, Clock clock) {
        this.placements = placements;
        this.providers = providers;
        this.attendance = attendance;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    public Placement get(UUID placementId) {
        return placements.findById(placementId)
                .orElseThrow(() -> new NotFoundException("Insatsen " + placementId + " finns inte"));
    }

    /**
     * "Matcha mot arbetsgivare/utbildning": the active provider of that kind and name (case does not matter), or a new
     * one. The matched day is what the waiting-time measure counts from the request.
     */
    public Placement match(UUID placementId, String providerName, ProviderKind kind, LocalDate matchedOn,
                           String processInstanceId) {
        Placement placement = get(placementId);
        String name = providerName.strip();
        PlacementProvider provider = providers.findByKindAndActiveTrueOrderByName(kind).stream()
                .filter(p -> p.getName().equalsIgnoreCase(name))
                .findFirst()
                .orElseGet(() -> providers.save(new PlacementProvider(name, kind, NEW_PROVIDER_CAPACITY)));
        placement.matchTo(provider, matchedOn);
        placement.setProcessInstanceId(processInstanceId);
        return placement;
    }

    /** "Starta insats". A placement already started keeps its first start date. */
    public Placement start(UUID placementId, LocalDate on) {
        Placement placement = get(placementId);
        if (placement.getStartDate().isEmpty()) {
            placement.start(on);
        }
        return placement;
    }

    /**
     * Parental leave: an SFI placement goes on as flex-SFI. Any other type (also one already flex-SFI) is left as it
     * is and false is returned: the leave does not interrupt the placement, the coach decides in the journey.
     */
    public boolean parentalLeave(UUID placementId, LocalDate on) {
        Placement placement = get(placementId);
        if (placement.getType() != PlacementType.SFI) {
            return false;
        }
        placement.switchToFlexSfi(on);
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<Attendance> attendanceFor(UUID placementId, YearMonth month) {
        return attendance.findByPlacementIdAndMonth(placementId, month.toString());
    }

    /** One month's attendance; a month is reported once (the same report again returns the first). */
    public Attendance reportAttendance(UUID placementId, YearMonth month, int daysPlanned, int daysPresent,
                                       int daysAbsentUnexcused, String reportedBy) {
        Optional<Attendance> earlier = attendanceFor(placementId, month);
        if (earlier.isPresent()) {
            Attendance a = earlier.get();
            if (a.getDaysPlanned() == daysPlanned && a.getDaysPresent() == daysPresent
                    && a.getDaysAbsentUnexcused() == daysAbsentUnexcused) {
                return a;
            }
            throw new IllegalStateException("närvaron för " + month + " är redan rapporterad");
        }
        get(placementId);
        return attendance.save(new Attendance(placementId, month, daysPlanned, daysPresent, daysAbsentUnexcused,
                reportedBy, clock.instant()));
    }

    /** "Avsluta insats": end date and outcome; an ended placement keeps its first ending. */
    public Placement end(UUID placementId, LocalDate on, PlacementOutcome outcome, String interruptionReason) {
        Placement placement = get(placementId);
        if (placement.getEndDate().isEmpty()) {
            placement.end(on, outcome, interruptionReason);
        }
        return placement;
    }
}
