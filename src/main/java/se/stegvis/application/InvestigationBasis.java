package se.stegvis.application;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ApplicationWarning;
import se.stegvis.application.domain.ApplicationWarningRepository;
import se.stegvis.application.domain.CalculationLine;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.application.domain.SupplementRequest;
import se.stegvis.application.domain.SupplementRequestRepository;
import se.stegvis.journey.JourneyOverview;
import se.stegvis.journey.JourneyOverviewService;
import se.stegvis.letter.SwedishFormat;

/**
 * What the caseworker sees in "Utred ansökan": the calculation line by line, the warnings, earlier decisions,
 * komplettering, the household's client journey (status, plan, placements, latest step, sanctions) and the approver's
 * comment. Amounts and facts only: no name, no personnummer, no free text about the person.
 */
@Service
public class InvestigationBasis {

    public record Summary(String text, int openWarnings) {}

    private final ApplicationRepository applications;
    private final AssistanceCalculationService calculation;
    private final ApplicationWarningRepository warnings;
    private final DecisionRepository decisions;
    private final SupplementRequestRepository supplements;
    private final JourneyOverviewService journeys;

    public InvestigationBasis(ApplicationRepository applications, AssistanceCalculationService calculation,
                              ApplicationWarningRepository warnings, DecisionRepository decisions,
                              SupplementRequestRepository supplements, JourneyOverviewService journeys) {
        this.applications = applications;
        this.calculation = calculation;
        this.warnings = warnings;
        this.decisions = decisions;
        this.supplements = supplements;
        this.journeys = journeys;
    }

    @Transactional(readOnly = true)
    public Summary summarize(UUID applicationId, Object approverComment) {
        Application application = applications.findById(applicationId).orElseThrow();
        StringBuilder text = new StringBuilder();
        text.append("Ansökan ").append(application.getKind().name().toLowerCase()).append(" för ")
                .append(SwedishFormat.month(application.getMonth())).append('\n');
        text.append("Hushåll: ").append(application.household().adults() == 2 ? "2 vuxna (sambor)" : "1 vuxen");
        if (!application.household().childrenAges().isEmpty()) {
            text.append(", barn ").append(application.household().childrenAges()).append(" år");
        }
        if (application.household().othersSharingHome() > 0) {
            text.append(", ").append(application.household().othersSharingHome()).append(" andra i bostaden");
        }
        text.append("\nUtlovat beslut senast: ").append(application.getInvestigationDue() == null ? "–"
                : SwedishFormat.date(application.getInvestigationDue())).append("\n\nBeräkning\n");
        long total = 0;
        for (CalculationLine line : calculation.storedLines(applicationId)) {
            text.append("  ").append(line.getDescription()).append(": ").append(SwedishFormat.kronor(line.getAmount()))
                    .append('\n');
            total += line.getAmount();
        }
        text.append("  = Beräknat bistånd: ").append(SwedishFormat.kronor(Math.max(0, total))).append('\n');

        List<ApplicationWarning> all = warnings.findByApplicationIdOrderById(applicationId);
        int open = 0;
        text.append("\nVarningar\n");
        if (all.isEmpty()) {
            text.append("  Inga\n");
        }
        for (ApplicationWarning warning : all) {
            text.append("  ").append(warning.isAcknowledged() ? "[kvitterad] " : "[ATT KVITTERA] ")
                    .append(warning.getCode().label()).append(": ").append(warning.getMessage()).append('\n');
            if (!warning.isAcknowledged()) {
                open++;
            }
        }
        text.append(application.isRegisterChecked() ? "" : "  Uppgifterna är inte kontrollerade mot register.\n");

        List<SupplementRequest> requests = supplements.findByApplicationIdOrderById(applicationId);
        if (!requests.isEmpty()) {
            text.append("\nKomplettering\n");
            for (SupplementRequest r : requests) {
                text.append("  Begärd: ").append(r.getMessage()).append(" (senast ")
                        .append(SwedishFormat.date(r.getDueDate())).append(") – ")
                        .append(r.getAnsweredAt() != null ? "inkommen"
                                : r.getRemindedAt() != null ? "inte inkommen efter påminnelse: besluta på befintligt underlag"
                                : "väntar").append('\n');
            }
        }
        text.append("\nTidigare beslut för hushållet\n");
        int shown = 0;
        for (Application earlier : applications.findByClientIdOrderByMonthDesc(application.getClient().getId())) {
            if (earlier.getId().equals(applicationId) || shown >= 6) {
                continue;
            }
            for (Decision d : decisions.findByApplicationIdOrderByDecidedAt(earlier.getId())) {
                text.append("  ").append(SwedishFormat.month(earlier.getMonth())).append(": ")
                        .append(d.getKind().label()).append(", ").append(SwedishFormat.kronor(d.getAmount())).append('\n');
                shown++;
            }
        }
        if (shown == 0) {
            text.append("  Inga\n");
        }
        text.append('\n').append(journey(application.getClient().getId()));
        if (approverComment instanceof String comment && !comment.isBlank()) {
            text.append("\nÅtervisat av teamledaren: ").append(comment.strip()).append('\n');
        }
        return new Summary(text.toString(), open);
    }

    /**
     * The household's client journey: the active one (else the latest), its phase, the plan's current version, the
     * placements not yet ended (else the last one), the latest step, and the open and upheld sanctions of all the
     * client's journeys: an upheld one reduces the month it names.
     */
    String journey(java.util.UUID clientId) {
        StringBuilder text = new StringBuilder("Klientresa\n");
        var current = journeys.current(clientId);
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
        var sanctions = journeys.sanctionsOf(clientId).stream()
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
