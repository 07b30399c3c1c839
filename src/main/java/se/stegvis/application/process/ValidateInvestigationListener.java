package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.application.DecisionProposals;
import se.stegvis.application.Investigations;
import se.stegvis.application.ResidenceRules;
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
 * <p>What the rules compare with comes from Stegvis' tables (the calculated amount, the open warnings). Validates
 * only: the next step, "Registrera utredningen" ({@link RecordInvestigationDelegate}), records the proposal with the
 * caseworker who completed the task, the investigated residence and the acknowledged warnings; the steps after read
 * the investigator, the amount and the kind from that record, never from process variables.
 */
@Component
public class ValidateInvestigationListener implements TaskListener {

    /** The longest reasons the decision can carry (decision.reasons). */
    static final int REASONS_MAX_LENGTH = 4000;

    private final Investigations investigations;
    private final DecisionProposals proposals;
    private final IdentityService identityService;
    private final ResidenceRules residence;

    public ValidateInvestigationListener(Investigations investigations, DecisionProposals proposals,
                                         IdentityService identityService, ResidenceRules residence) {
        this.investigations = investigations;
        this.proposals = proposals;
        this.identityService = identityService;
        this.residence = residence;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = currentUser(task);
        UUID applicationId = applicationId(task);
        if (investigations.hasOpenWarnings(applicationId) && !flag(task, WARNINGS_ACKNOWLEDGED)) {
            throw refused(WARNINGS_ACKNOWLEDGED, "Kvittera varningarna (kryssrutan \"Jag har gått igenom varningarna\") innan du går vidare.");
        }
        AssistanceForm investigated = investigatedResidence(task, applicationId);
        if (flag(task, SUPPLEMENT_NEEDED)) {
            if (string(task, SUPPLEMENT_TEXT) == null) {
                throw refused(SUPPLEMENT_TEXT, "Skriv vad den sökande ska komplettera med (fältet \"Vad ska kompletteras?\").");
            }
        } else {
            Proposal proposal = proposal(task, proposals.calculatedAmount(applicationId),
                    investigated != null ? investigated == AssistanceForm.NODBISTAND
                            : proposals.emergencyAidOnly(applicationId));
            task.setVariable(GRANTED_AMOUNT, proposal.amount());
        }
        // For "Registrera utredningen", and shown to the approver ("Utredare"); the four-eyes check reads the
        // investigator from the recorded proposal instead.
        task.setVariable(INVESTIGATOR, user);
        task.setVariable(INVESTIGATION_TASK, task.getId());
    }

    /**
     * The residence as the caseworker found it (field "Laglig vistelse i Sverige, efter utredning", shown while the
     * rules answered UTRED): JA or NEJ, and what the application gets with it (read-only; "Registrera utredningen"
     * records it); null when not given.
     */
    private AssistanceForm investigatedResidence(DelegateTask task, UUID applicationId) {
        String value = string(task, RESIDENCE_INVESTIGATED);
        if (value == null) {
            return null;
        }
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
        return residence.formIfInvestigated(applicationId, found);
    }

    /** A valid proposal: the kind, the amount it grants (whole kronor) and the reasons. */
    record Proposal(DecisionKind kind, long amount, String reasons) {}

    /**
     * @param calculated       what the calculation gave (Stegvis' record, not the form's read-only copy)
     * @param emergencyAidOnly the application gets nödbistånd only (laglig-vistelse): no calculation to grant in full;
     *                         the acute need is granted as delvis bifall with its amount and reasons, or refused
     */
    static Proposal proposal(VariableScope task, long calculated, boolean emergencyAidOnly) {
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
