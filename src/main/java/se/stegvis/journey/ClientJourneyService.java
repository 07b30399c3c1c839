package se.stegvis.journey;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.activity.ActivityRequirementService;
import se.stegvis.client.ClientJourney;
import se.stegvis.integration.arbetsformedlingen.ArbetsformedlingenNotices;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.JourneyStatus;
import se.stegvis.letter.SwedishFormat;

/**
 * The client journey as other features see it, through {@link ClientJourney} (they do not depend on journey/), and
 * what a grant's message does in the journey.
 */
@Service
public class ClientJourneyService implements ClientJourney {

    private final JourneyService journeys;
    private final JourneyOverviewService overviews;
    private final ActivityRequirementService activityRequirement;
    private final ArbetsformedlingenNotices arbetsformedlingen;
    private final JourneyRepository journeyRepository;

    public ClientJourneyService(JourneyService journeys, JourneyOverviewService overviews,
                                ActivityRequirementService activityRequirement,
                                ArbetsformedlingenNotices arbetsformedlingen, JourneyRepository journeyRepository) {
        this.journeys = journeys;
        this.overviews = overviews;
        this.activityRequirement = activityRequirement;
        this.arbetsformedlingen = arbetsformedlingen;
        this.journeyRepository = journeyRepository;
    }

    /**
     * After a grant ("Pröva aktivitetskravet" in the journey the grant's message reached): a client who has just
     * become covered (an event recorded once per client and month) gets the coach's plan task in the journey, and
     * Arbetsförmedlingen a notice (sent from the outbox after the commit).
     */
    @Transactional
    public void checkActivityRequirement(UUID clientId) {
        activityRequirement.recordCoverageIfNew(clientId).ifPresent(event -> {
            activityRequirement.recordPlanRequest(event.getId(), journeys.activityRequirementApplies(clientId));
            String journeyInstance = journeyRepository.findByClientIdAndStatus(clientId, JourneyStatus.AKTIV)
                    .map(Journey::getProcessInstanceId).orElse(null);
            arbetsformedlingen.clientCovered(event.getId(), clientId, event.getCoveredFrom(), journeyInstance);
        });
    }

    @Override
    @Transactional(readOnly = true)
    public boolean coveredByActivityRequirement(UUID journeyId) {
        return journeyRepository.findById(journeyId)
                .map(journey -> activityRequirement.status(journey.getClientId()).covered())
                .orElse(false);
    }

    /**
     * The household's client journey: the active one (else the latest), its phase, the plan's current version, the
     * placements not yet ended (else the last one), the latest step, and the open and upheld sanctions of all the
     * client's journeys: an upheld one reduces the month it names.
     */
    @Override
    @Transactional(readOnly = true)
    public String describeForCaseworker(UUID clientId) {
        StringBuilder text = new StringBuilder(activityRequirement.describe(clientId)).append("\nKlientresa\n");
        var current = overviews.current(clientId);
        if (current.isEmpty()) {
            return text.append("  Ingen klientresa registrerad för hushållet\n").toString();
        }
        JourneyOverview j = current.get();
        java.time.ZoneId zone = java.time.ZoneId.of("Europe/Stockholm");
        text.append("  Status: ").append(j.statusLabel()).append(", ").append(j.phaseLabel().toLowerCase())
                .append(" (påbörjad ").append(SwedishFormat.date(java.time.LocalDate.ofInstant(j.startedAt(), zone)))
                .append(")\n");
        if (j.plan() == null) {
            text.append("  Individuell planering: inte upprättad än\n");
        } else {
            var plan = j.plan();
            text.append("  Individuell planering: version ").append(plan.version()).append(", mål ")
                    .append(plan.goalLabel().toLowerCase());
            if (plan.occupation() != null) {
                text.append(" (").append(plan.occupation()).append(')');
            }
            text.append(plan.agreedWithClientAt() == null ? ", inte överenskommen med klienten"
                    : ", överenskommen med klienten").append('\n');
        }
        var running = j.placements().stream().filter(p -> !"AVSLUTAD".equals(p.status())).toList();
        var shown = running.isEmpty() && !j.placements().isEmpty()
                ? List.of(j.placements().get(j.placements().size() - 1)) : running;
        if (shown.isEmpty()) {
            text.append("  Insatser: inga\n");
        }
        for (var p : shown) {
            text.append("  Insats: ").append(p.typeLabel());
            if (p.provider() != null) {
                text.append(" hos ").append(p.provider().name());
            }
            text.append(" – ").append(switch (p.status()) {
                case "BEGARD" -> "väntar på matchning sedan " + SwedishFormat.date(p.requestedOn());
                case "MATCHAD" -> "matchad, inte startad";
                case "PAGAR" -> "pågår sedan " + SwedishFormat.date(p.startDate());
                default -> "avslutad " + SwedishFormat.date(p.endDate())
                        + (p.outcomeLabel() == null ? "" : ", utfall " + p.outcomeLabel().toLowerCase());
            }).append('\n');
        }
        text.append("  Senaste stegbedömning: ").append(j.latestStep() == null ? "ingen än"
                : "Steg " + j.latestStep().level() + ": " + j.latestStep().label() + " ("
                        + SwedishFormat.date(j.latestStep().assessedOn()) + ")").append('\n');
        if (j.exit() != null) {
            text.append("  Avslut: ").append(j.exit().reasonLabel()).append(", ")
                    .append(SwedishFormat.date(j.exit().exitDate())).append('\n');
        }
        var sanctions = overviews.sanctionsOf(clientId).stream()
                .filter(s -> s.decision() == null || "UPHELD".equals(s.decision())).toList();
        if (sanctions.isEmpty()) {
            text.append("  Sanktioner: inga öppna eller beslutade nedsättningar\n");
        }
        for (var s : sanctions) {
            text.append("  Sanktion: ");
            if (s.decision() == null) {
                text.append("föreslagen nedsättning ").append(SwedishFormat.kronor(s.proposedAmount()));
                if (s.responseDue() != null) {
                    text.append(", kommunicerad, svar senast ").append(SwedishFormat.date(s.responseDue()))
                            .append(s.clientResponded() ? " (klienten har svarat)" : "");
                }
                text.append(" – inte beslutad");
            } else {
                text.append("beslutad nedsättning ").append(SwedishFormat.kronor(s.decidedAmount()));
                if (s.reductionMonth() != null) {
                    text.append(" för ").append(SwedishFormat.month(s.reductionMonth()));
                }
            }
            text.append('\n');
        }
        return text.toString();
    }
}
