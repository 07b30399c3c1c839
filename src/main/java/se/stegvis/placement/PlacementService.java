package se.stegvis.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.config.NotFoundException;
import se.stegvis.placement.domain.Attendance;
import se.stegvis.placement.domain.AttendanceRepository;
import se.stegvis.placement.domain.InterruptionGround;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementOutcome;
import se.stegvis.placement.domain.PlacementProvider;
import se.stegvis.placement.domain.PlacementProviderRepository;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.placement.domain.ProviderFullException;
import se.stegvis.placement.domain.ProviderKind;
import se.stegvis.placement.domain.ProviderOffer;

/**
 * The entity work of the process {@code arbetsforberedande-insats}: each step goes through the placement's own methods,
 * which keep the rules (dates in order, a reason for an interruption, flex-SFI only from SFI). Every step is safe to
 * repeat: a retried job finds it done and changes nothing. A new match is published as {@link PlacementMatched}. A refused provider ({@link ProviderFullException}) does not
 * mark the caller's transaction for rollback: the matching job turns it into a BPMN error and must still commit.
 */
@Service
@Transactional(noRollbackFor = ProviderFullException.class)
public class PlacementService {

    private final PlacementRepository placements;
    private final PlacementProviderRepository providers;
    private final AttendanceRepository attendance;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** Without listeners to the matching (tests of the placement alone). */
    public PlacementService(PlacementRepository placements, PlacementProviderRepository providers,
                            AttendanceRepository attendance, Clock clock) {
        this(placements, providers, attendance, clock, event -> { });
    }

    @Autowired
    public PlacementService(PlacementRepository placements, PlacementProviderRepository providers,
                            AttendanceRepository attendance, Clock clock, ApplicationEventPublisher events) {
        this.placements = placements;
        this.providers = providers;
        this.attendance = attendance;
        this.clock = clock;
        this.events = events;
    }

    /** Today in Sweden (the service's clock); reads nothing. */
    @Transactional(readOnly = true)
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    public Placement get(UUID placementId) {
        return placements.findById(placementId)
                .orElseThrow(() -> new NotFoundException("Insatsen " + placementId + " finns inte"));
    }

    /**
     * The active providers of the kind the placement needs that have a free place, by name: what "Matcha mot
     * arbetsgivare/utbildning" offers. A place is held from the matching until the placement ends.
     */
    @Transactional(readOnly = true)
    public List<ProviderOffer> offers(UUID placementId) {
        ProviderKind kind = get(placementId).getType().providerKind();
        List<ProviderOffer> offers = new ArrayList<>();
        for (PlacementProvider provider : providers.findByKindAndActiveTrueOrderByName(kind)) {
            ProviderOffer offer = offer(provider);
            if (offer.freePlaces() > 0) {
                offers.add(offer);
            }
        }
        return offers;
    }

    /**
     * Checks, without taking it, that the provider can take the placement: active, of the right kind, with a free
     * place (or already holding this placement).
     *
     * @throws ProviderFullException with a message for the coach when not
     */
    @Transactional(readOnly = true, noRollbackFor = ProviderFullException.class)
    public PlacementProvider checkCanTake(UUID placementId, UUID providerId) {
        Placement placement = get(placementId);
        PlacementProvider provider = providers.findById(providerId)
                .orElseThrow(() -> new ProviderFullException("Anordnaren finns inte. Välj en i listan."));
        checkCanTake(placement, provider);
        return provider;
    }

    /**
     * "Matcha mot arbetsgivare/utbildning": the provider takes the client. The provider is locked while its places
     * are counted, so that two matches never share its last place. The matched day is what the waiting-time measure
     * counts from the request. Matching the same provider again (a retried job) changes nothing.
     *
     * @throws ProviderFullException when the provider has no free place (any more)
     */
    public Placement match(UUID placementId, UUID providerId, LocalDate matchedOn, String processInstanceId) {
        Placement placement = get(placementId);
        PlacementProvider provider = providers.lockById(providerId)
                .orElseThrow(() -> new ProviderFullException("Anordnaren finns inte. Välj en i listan."));
        if (!placement.getProviderId().map(providerId::equals).orElse(false)) {
            checkCanTake(placement, provider);
            placement.matchTo(provider, matchedOn);
            events.publishEvent(new PlacementMatched(placement.getId(), placement.getJourneyId(), placement.getType(),
                    providerId, placement.getRequestedOn()));
        }
        placement.setProcessInstanceId(processInstanceId);
        return placement;
    }

    private void checkCanTake(Placement placement, PlacementProvider provider) {
        if (placement.getProviderId().map(provider.getId()::equals).orElse(false)) {
            return;
        }
        ProviderKind kind = placement.getType().providerKind();
        if (!provider.isActive() || provider.getKind() != kind) {
            throw new ProviderFullException(provider.getName() + " tar inte emot " + placement.getType().label()
                    + ". Välj en anordnare i listan.");
        }
        if (offer(provider).freePlaces() <= 0) {
            throw new ProviderFullException(provider.getName() + " har ingen ledig plats längre (alla "
                    + provider.getCapacity() + " är upptagna). Välj en annan anordnare.");
        }
    }

    private ProviderOffer offer(PlacementProvider provider) {
        long inUse = placements.countByProviderIdAndEndDateIsNull(provider.getId());
        return new ProviderOffer(provider.getId(), provider.getName(), provider.getCapacity(), (int) inUse);
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
        return reportAttendance(placementId, month, daysPlanned, daysPresent, daysAbsentUnexcused, null, reportedBy);
    }

    /** Attendance in hours as well as days ({@code hours} null: days only). */
    public record Hours(int planned, int present, int absentUnexcused) {}

    /** The month's attendance in days and, when given, hours; a retried job with the same figures is no change. */
    @Transactional
    public Attendance reportAttendance(UUID placementId, YearMonth month, int daysPlanned, int daysPresent,
                                       int daysAbsentUnexcused, Hours hours, String reportedBy) {
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
        Attendance reported = new Attendance(placementId, month, daysPlanned, daysPresent, daysAbsentUnexcused,
                reportedBy, clock.instant());
        if (hours != null) {
            reported.withHours(hours.planned(), hours.present(), hours.absentUnexcused());
        }
        return attendance.save(reported);
    }

    /**
     * The journey has ended (exit): its placements that have not ended are interrupted on the exit day (or their start,
     * when that lies later), so that they no longer hold a place at their provider.
     *
     * @return the placements ended now
     */
    public List<Placement> endOpenPlacements(UUID journeyId, LocalDate on, String reason) {
        List<Placement> ended = new ArrayList<>();
        for (Placement placement : placements.findByJourneyIdAndEndDateIsNull(journeyId)) {
            LocalDate day = placement.getStartDate().filter(on::isBefore).orElse(on);
            placement.end(day, PlacementOutcome.AVBRUTEN, reason);
            ended.add(placement);
        }
        return ended;
    }

    /** "Avsluta insats": end date and outcome; an ended placement keeps its first ending. */
    public Placement end(UUID placementId, LocalDate on, PlacementOutcome outcome, String interruptionReason) {
        return end(placementId, on, outcome, null, interruptionReason);
    }

    /**
     * "Avsluta insats" with why an interrupted placement ended (declined, broken off without or with godtagbart skäl);
     * an ended placement keeps its first ending.
     */
    public Placement end(UUID placementId, LocalDate on, PlacementOutcome outcome, InterruptionGround ground,
                         String interruptionReason) {
        Placement placement = get(placementId);
        if (placement.getEndDate().isEmpty()) {
            placement.end(on, outcome, ground, interruptionReason);
        }
        return placement;
    }
}
