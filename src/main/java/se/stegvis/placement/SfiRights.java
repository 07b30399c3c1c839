package se.stegvis.placement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.config.NotFoundException;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.SfiExtension;
import se.stegvis.placement.domain.SfiExtensionRepository;
import se.stegvis.placement.domain.SfiRight;

/**
 * The client's right to SFI ({@link SfiRight}), read over every placement of theirs that records a first admission
 * (the earliest counts) and the extensions recorded in them, in the order they were granted. Recording checks the
 * rules: the admission is not in the future, an extension reaches at most six months beyond the current end and at most
 * three years beyond the first one. Ids only in logs.
 */
@Service
@Transactional
public class SfiRights {

    private static final Logger log = LoggerFactory.getLogger(SfiRights.class);

    private final PlacementRepository placements;
    private final SfiExtensionRepository extensions;
    private final Clock clock;

    public SfiRights(PlacementRepository placements, SfiExtensionRepository extensions, Clock clock) {
        this.placements = placements;
        this.extensions = extensions;
        this.clock = clock;
    }

    /** The right of the client of this journey; empty while no first admission is recorded. */
    @Transactional(readOnly = true)
    public Optional<SfiRight> ofJourney(UUID journeyId) {
        List<Placement> sfi = placements.findSfiPlacementsOfTheClientOfJourney(journeyId);
        Optional<LocalDate> first = sfi.stream().map(p -> p.getSfiFirstAdmission().orElseThrow())
                .min(Comparator.naturalOrder());
        if (first.isEmpty()) {
            return Optional.empty();
        }
        List<LocalDate> granted = extensions.findByPlacementIdInOrderByRecordedAtAscExtendedUntilAsc(
                sfi.stream().map(Placement::getId).toList()).stream().map(SfiExtension::getExtendedUntil).toList();
        return Optional.of(new SfiRight(first.get(), granted));
    }

    /** The right of the client of this placement's journey. */
    @Transactional(readOnly = true)
    public Optional<SfiRight> ofPlacement(UUID placementId) {
        return ofJourney(placement(placementId).getJourneyId());
    }

    /**
     * Records the first SFI admission in an SFI placement. The same day again changes nothing.
     *
     * @throws IllegalArgumentException when the day is in the future or the placement has no SFI
     */
    public SfiRight recordFirstAdmission(UUID placementId, LocalDate firstAdmission) {
        Placement placement = placement(placementId);
        checkFirstAdmission(placement, firstAdmission);
        if (!placement.getSfiFirstAdmission().map(firstAdmission::equals).orElse(false)) {
            placement.recordSfiFirstAdmission(firstAdmission);
            placements.saveAndFlush(placement);
            log.info("First SFI admission recorded in placement {}", placementId);
        }
        return ofJourney(placement.getJourneyId()).orElseThrow();
    }

    /**
     * The right of the client of this placement as it will be once {@code firstAdmission} is recorded in it: the
     * earlier of that day and any admission recorded before, with the extensions granted so far.
     */
    @Transactional(readOnly = true)
    public SfiRight withFirstAdmission(UUID placementId, LocalDate firstAdmission) {
        Optional<SfiRight> known = ofPlacement(placementId);
        if (known.isEmpty() || !firstAdmission.isBefore(known.get().firstAdmission())) {
            return known.orElseGet(() -> SfiRight.from(firstAdmission));
        }
        try {
            return new SfiRight(firstAdmission, known.get().extensions());
        } catch (IllegalArgumentException e) {
            // The extensions were granted for a later clock: the earlier admission alone.
            return SfiRight.from(firstAdmission);
        }
    }

    /** The checks of {@link #recordFirstAdmission}, for a form's validation before anything is stored. */
    @Transactional(readOnly = true)
    public void checkFirstAdmission(UUID placementId, LocalDate firstAdmission) {
        checkFirstAdmission(placement(placementId), firstAdmission);
    }

    /**
     * Records an extension granted by the huvudman, reaching to {@code until}. An extension to the day the right
     * already ends on (a retried job) changes nothing.
     *
     * @throws IllegalArgumentException with the rule in Swedish when it is not allowed, or no admission is recorded
     */
    public SfiRight extend(UUID placementId, LocalDate until, String recordedBy) {
        Placement placement = placement(placementId);
        SfiRight current = ofJourney(placement.getJourneyId()).orElseThrow(() -> new IllegalArgumentException(
                "Första antagningen till SFI är inte registrerad: rätten kan inte förlängas"));
        if (current.extended() && current.endsOn().equals(until)) {
            return current;
        }
        SfiRight extended = current.extendedTo(until);
        extensions.saveAndFlush(new SfiExtension(placementId, until, recordedBy, clock.instant()));
        log.info("SFI right extended in placement {}", placementId);
        return extended;
    }

    /**
     * Records an extension for the client of this journey, in their latest placement that records the first admission
     * (when no SFI placement is running, e.g. after the right ended and the huvudman extended it later).
     *
     * @throws IllegalArgumentException with the rule in Swedish when it is not allowed
     * @throws IllegalStateException    when no first admission is recorded for the client
     */
    public SfiRight extendForJourney(UUID journeyId, LocalDate until, String recordedBy) {
        Placement latest = placements.findSfiPlacementsOfTheClientOfJourney(journeyId).stream()
                .max(Comparator.comparing(Placement::getRequestedOn))
                .orElseThrow(() -> new IllegalStateException(
                        "Ingen antagning till SFI är registrerad för klienten: rätten kan inte förlängas."));
        return extend(latest.getId(), until, recordedBy);
    }

    /** The running placements of the client of this journey that include SFI: their follow-up follows the right. */
    @Transactional(readOnly = true)
    public List<Placement> runningSfiPlacements(UUID journeyId) {
        return placements.findSfiPlacementsOfTheClientOfJourney(journeyId).stream()
                .filter(p -> p.getEndDate().isEmpty() && p.getProcessInstanceId() != null).toList();
    }

    /** The checks of {@link #extend}, without storing anything. */
    @Transactional(readOnly = true)
    public SfiRight checkExtension(UUID placementId, LocalDate until) {
        SfiRight current = ofPlacement(placementId).orElseThrow(() -> new IllegalArgumentException(
                "Första antagningen till SFI är inte registrerad: rätten kan inte förlängas"));
        return current.extendedTo(until);
    }

    /** The client's right in words, for the coach's forms. */
    @Transactional(readOnly = true)
    public String describe(UUID journeyId) {
        return describe(ofJourney(journeyId), LocalDate.now(clock));
    }

    static String describe(Optional<SfiRight> known, LocalDate today) {
        if (known.isEmpty()) {
            return "Ingen antagning till SFI är registrerad för klienten.";
        }
        SfiRight right = known.get();
        StringBuilder text = new StringBuilder();
        if (right.coversDay(today)) {
            text.append("Rätten till SFI gäller till och med ").append(right.endsOn());
        } else {
            text.append("Rätten till SFI upphörde ").append(right.endsOn());
        }
        text.append(" (första antagning ").append(right.firstAdmission());
        if (right.extended()) {
            text.append(", förlängd ").append(right.extensions().size() == 1 ? "en gång" : right.extensions().size() + " gånger");
        }
        text.append(").");
        right.nextExtensionLimit().ifPresentOrElse(
                limit -> text.append(" Huvudmannen kan förlänga den av särskilda skäl, högst sex månader i taget:"
                        + " nästa gång till och med ").append(limit).append(" som längst."),
                () -> text.append(" Den kan inte förlängas mer."));
        if (!right.coversDay(today)) {
            text.append(" En ny insats med SFI kan inte planeras utan en förlängning.");
        }
        return text.toString();
    }

    private void checkFirstAdmission(Placement placement, LocalDate firstAdmission) {
        if (!placement.getType().includesSfi()) {
            throw new IllegalArgumentException(placement.getType().label() + " har ingen SFI");
        }
        if (firstAdmission == null) {
            throw new IllegalArgumentException("Ange dagen för den första antagningen till SFI");
        }
        if (firstAdmission.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("Den första antagningen till SFI kan inte vara i framtiden");
        }
    }

    private Placement placement(UUID placementId) {
        return placements.findById(placementId)
                .orElseThrow(() -> new NotFoundException("Insatsen " + placementId + " finns inte"));
    }
}
