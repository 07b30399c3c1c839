package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.application.DecisionProposals;
import se.stegvis.application.ResidenceRules;
import se.stegvis.application.domain.ApplicationWarning;
import se.stegvis.application.domain.ApplicationWarningRepository;
import se.stegvis.config.ConflictException;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.TaskCompleter;
import se.stegvis.letter.DecisionKind;
import se.stegvis.norm.domain.AssistanceForm;
import se.stegvis.norm.domain.LawfulResidence;

/**
 * Completing "Utred ansökan": the rules a form cannot express alone. Warnings must be acknowledged, a komplettering
 * needs its text, a proposal needs a decision kind, partial grants and refusals need reasons, and amounts must fit the
 * kind. A violation refuses the completion with a message the caseworker sees in Tasklist; nothing is lost.
 *
 * <p>What the rules compare with comes from Stegvis' tables (the calculated amount, the open warnings), and the
 * proposal is recorded there with the caseworker who completed the task ({@link DecisionProposals}): the steps after
 * read the investigator, the amount and the kind from that record, never from process variables.
 */
@Component
public class ValidateInvestigationListener implements TaskListener {

    /** The longest reasons the decision can carry (decision.reasons). */
    static final int REASONS_MAX_LENGTH = 4000;

    private final ApplicationWarningRepository warnings;
    private final DecisionProposals proposals;
    private final IdentityService identityService;
    private final Clock clock;
    private final ResidenceRules residence;

    public ValidateInvestigationListener(ApplicationWarningRepository warnings, DecisionProposals proposals,
                                         IdentityService identityService, Clock clock, ResidenceRules residence) {
        this.warnings = warnings;
        this.proposals = proposals;
        this.identityService = identityService;
        this.clock = clock;
        this.residence = residence;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = currentUser(task);
        UUID applicationId = applicationId(task);
        var open = warnings.findByApplicationIdOrderById(applicationId).stream()
                .filter(warning -> !warning.isAcknowledged()).toList();
        if (!open.isEmpty() && !flag(task, WARNINGS_ACKNOWLEDGED)) {
            throw refused(WARNINGS_ACKNOWLEDGED, "Kvittera varningarna (kryssrutan \"Jag har gått igenom varningarna\") innan du går vidare.");
        }
        AssistanceForm investigated = recordResidence(task, applicationId);
        if (flag(task, SUPPLEMENT_NEEDED)) {
            if (string(task, SUPPLEMENT_TEXT) == null) {
                throw refused(SUPPLEMENT_TEXT, "Skriv vad den sökande ska komplettera med (fältet \"Vad ska kompletteras?\").");
            }
        } else {
            Proposal proposal = validateProposal(task, proposals.calculatedAmount(applicationId),
                    investigated != null ? investigated == AssistanceForm.NODBISTAND
                            : proposals.emergencyAidOnly(applicationId));
            proposals.propose(applicationId, task.getId(), proposal.kind(), proposal.amount(), proposal.reasons(), user);
            task.setVariable(GRANTED_AMOUNT, proposal.amount());
        }
        for (ApplicationWarning warning : open) {
            warning.acknowledge(user, clock.instant());
        }
        // Shown to the approver ("Utredare"); the four-eyes check reads the investigator from the proposal instead.
        task.setVariable(INVESTIGATOR, user);
    }

    /**
     * The residence as the caseworker found it (field "Laglig vistelse i Sverige, efter utredning", shown while the
     * rules answered UTRED): recorded on the application, which the table then answers again; null when not given.
     * The completion's transaction carries it: a refused completion records nothing.
     */
    private AssistanceForm recordResidence(DelegateTask task, UUID applicationId) {
        String value = string(task, RESIDENCE_INVESTIGATED);
        if (value == null) {
            return null;
        }
        // Kept in the application only, never in the process (nor, by ApplicationFormFields, in its history).
        task.getExecution().removeVariable(RESIDENCE_INVESTIGATED);
        LawfulResidence found;
        try {
            found = LawfulResidence.valueOf(value);
        } catch (IllegalArgumentException e) {
            found = null;
        }
        if (found == null || found == LawfulResidence.EJ_KANT) {
            throw refused(RESIDENCE_INVESTIGATED, "Välj om sökanden vistas lagligt i Sverige: JA eller NEJ"
                    + " (fältet \"Laglig vistelse i Sverige, efter utredning\").");
        }
        return residence.recordInvestigated(applicationId, found);
    }

    /** A valid proposal: the kind, the amount it grants (whole kronor) and the reasons. */
    record Proposal(DecisionKind kind, long amount, String reasons) {}

    /**
     * @param calculated       what the calculation gave (Stegvis' record, not the form's read-only copy)
     * @param emergencyAidOnly the application gets nödbistånd only (laglig-vistelse): no calculation to grant in full;
     *                         the acute need is granted as delvis bifall with its amount and reasons, or refused
     */
    private Proposal validateProposal(DelegateTask task, long calculated, boolean emergencyAidOnly) {
        String proposal = string(task, PROPOSED_DECISION);
        DecisionKind kind;
        try {
            kind = proposal == null ? null : DecisionKind.valueOf(proposal);
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null) {
            throw refused(PROPOSED_DECISION, "Välj beslutsförslag: bifall, delvis bifall eller avslag (fältet \"Beslutsförslag\").");
        }
        Long granted;
        try {
            granted = amount(task, GRANTED_AMOUNT);
        } catch (IllegalArgumentException e) {
            throw refused(GRANTED_AMOUNT, "Beviljat belopp ska vara hela kronor, 0 eller mer (fältet \"Beviljat belopp\").");
        }
        String reasons = string(task, REASONS);
        if (reasons != null && reasons.length() > REASONS_MAX_LENGTH) {
            throw refused(REASONS, "Motiveringen får vara högst " + REASONS_MAX_LENGTH + " tecken (fältet \"Motivering\").");
        }
        if (emergencyAidOnly) {
            return emergencyAid(kind, granted, reasons);
        }
        return switch (kind) {
            case BIFALL -> {
                if (calculated <= 0) {
                    throw refused(PROPOSED_DECISION, "Beräkningen ger inget bistånd: bifall är inte möjligt. Välj avslag och motivera.");
                }
                yield new Proposal(kind, calculated, reasons);
            }
            case DELVIS_BIFALL -> {
                if (granted == null || granted <= 0 || granted >= calculated) {
                    throw refused(GRANTED_AMOUNT, "Vid delvis bifall ska beviljat belopp vara större än 0 och mindre än det beräknade ("
                            + calculated + " kr) (fältet \"Beviljat belopp\").");
                }
                requireReasons(reasons, "delvis bifall");
                yield new Proposal(kind, granted, reasons);
            }
            case AVSLAG -> {
                requireReasons(reasons, "avslag");
                yield new Proposal(kind, 0, reasons);
            }
        };
    }

    /** A decision on nödbistånd only: the acute need as delvis bifall (amount and reasons), or avslag. */
    private static Proposal emergencyAid(DecisionKind kind, Long granted, String reasons) {
        return switch (kind) {
            case BIFALL -> throw refused(PROPOSED_DECISION, "Ansökan gäller endast nödbistånd (sökanden vistas inte"
                    + " lagligt i Sverige): välj delvis bifall med beloppet för det akuta behovet, eller avslag.");
            case DELVIS_BIFALL -> {
                if (granted == null || granted <= 0) {
                    throw refused(GRANTED_AMOUNT, "Ange beloppet för det akuta behovet som nödbiståndet ska täcka,"
                            + " större än 0 kr (fältet \"Beviljat belopp\").");
                }
                requireReasons(reasons, "nödbistånd");
                yield new Proposal(kind, granted, reasons);
            }
            case AVSLAG -> {
                requireReasons(reasons, "avslag");
                yield new Proposal(kind, 0, reasons);
            }
        };
    }

    private static void requireReasons(String reasons, String kind) {
        if (reasons == null) {
            throw refused(REASONS, "Vid " + kind + " ska beslutet motiveras (fältet \"Motivering\", förvaltningslagen 32 §).");
        }
    }

    private String currentUser(DelegateTask task) {
        String user = TaskCompleter.of(task, identityService);
        if (user == null) {
            throw ConflictException.taskNotClaimed();
        }
        return user;
    }

    /** A form field's value that the rules refuse: 400 naming the field, and the message Tasklist shows. */
    static InvalidRequestException refused(String field, String message) {
        return new InvalidRequestException(field, message);
    }
}
