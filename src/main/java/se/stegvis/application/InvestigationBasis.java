package se.stegvis.application;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ApplicationWarning;
import se.stegvis.application.domain.ApplicationWarningRepository;
import se.stegvis.application.domain.CalculationLine;
import se.stegvis.application.domain.SupplementRequest;
import se.stegvis.application.domain.SupplementRequestRepository;
import se.stegvis.client.ClientJourney;
import se.stegvis.letter.DecisionKind;
import se.stegvis.letter.SwedishFormat;
import se.stegvis.norm.domain.AssistanceForm;

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
    private final SupplementRequestRepository supplements;
    private final ClientJourney journeys;

    public InvestigationBasis(ApplicationRepository applications, AssistanceCalculationService calculation,
                              ApplicationWarningRepository warnings,
                              SupplementRequestRepository supplements, ClientJourney journeys) {
        this.applications = applications;
        this.calculation = calculation;
        this.warnings = warnings;
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
        if (application.isSecondHandLet()) {
            text.append("\nBostaden hyrs i andra hand, ").append(Boolean.TRUE.equals(application.getSecondHandLetConsent())
                    ? "med samtycke" : "utan samtycke").append(" från hyresvärden, föreningen eller hyresnämnden");
        }
        if (application.getAssistanceForm() == AssistanceForm.NODBISTAND) {
            text.append("\nEndast nödbistånd (laglig-vistelse): besluta om det akuta behovet – delvis bifall med"
                    + " beloppet för det akuta behovet och motivering, eller avslag.");
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
        // The latest applications' decisions, all of an application's or none, until six are shown: one query for
        // the household's history (not its applications and their incomes, then each one's decisions).
        int shown = 0;
        UUID current = null;
        boolean showing = false;
        for (Object[] row : applications.decisionsOfClientLatestMonthFirst(application.getClient().getId())) {
            UUID earlier = (UUID) row[0];
            if (!earlier.equals(current)) {
                current = earlier;
                showing = !earlier.equals(applicationId) && shown < 6;
            }
            if (showing) {
                text.append("  ").append(SwedishFormat.month(YearMonth.parse((String) row[1]))).append(": ")
                        .append(((DecisionKind) row[2]).label()).append(", ")
                        .append(SwedishFormat.kronor(((Number) row[3]).longValue())).append('\n');
                shown++;
            }
        }
        if (shown == 0) {
            text.append("  Inga\n");
        }
        text.append('\n').append(journeys.describeForCaseworker(application.getClient().getId()));
        if (approverComment instanceof String comment && !comment.isBlank()) {
            text.append("\nÅtervisat av teamledaren: ").append(comment.strip()).append('\n');
        }
        return new Summary(text.toString(), open);
    }
}
