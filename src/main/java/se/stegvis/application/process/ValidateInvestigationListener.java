package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.application.domain.ApplicationWarning;
import se.stegvis.application.domain.ApplicationWarningRepository;
import se.stegvis.config.ConflictException;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.TaskCompleter;
import se.stegvis.letter.DecisionKind;

/**
 * Completing "Utred ansökan": the rules a form cannot express alone. Warnings must be acknowledged, a komplettering
 * needs its text, a proposal needs a decision kind, partial grants and refusals need reasons, and amounts must fit the
 * kind. A violation refuses the completion with a message the caseworker sees in Tasklist; nothing is lost.
 */
@Component
public class ValidateInvestigationListener implements TaskListener {

    private final ApplicationWarningRepository warnings;
    private final IdentityService identityService;
    private final Clock clock;

    public ValidateInvestigationListener(ApplicationWarningRepository warnings, IdentityService identityService,
                                         Clock clock) {
        this.warnings = warnings;
        this.identityService = identityService;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = currentUser(task);
        UUID applicationId = applicationId(task);
        if (flag(task, HAS_WARNINGS) && !flag(task, WARNINGS_ACKNOWLEDGED)) {
            throw refused(WARNINGS_ACKNOWLEDGED, "Kvittera varningarna (kryssrutan \"Jag har gått igenom varningarna\") innan du går vidare.");
        }
        if (flag(task, SUPPLEMENT_NEEDED)) {
            if (string(task, SUPPLEMENT_TEXT) == null) {
                throw refused(SUPPLEMENT_TEXT, "Skriv vad den sökande ska komplettera med (fältet \"Vad ska kompletteras?\").");
            }
        } else {
            validateProposal(task);
        }
        for (ApplicationWarning warning : warnings.findByApplicationIdOrderById(applicationId)) {
            if (!warning.isAcknowledged()) {
                warning.acknowledge(user, clock.instant());
            }
        }
        task.setVariable(INVESTIGATOR, user);
    }

    private void validateProposal(DelegateTask task) {
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
        long calculated = amount(task, CALCULATED_AMOUNT) == null ? 0 : amount(task, CALCULATED_AMOUNT);
        Long granted;
        try {
            granted = amount(task, GRANTED_AMOUNT);
        } catch (IllegalArgumentException e) {
            throw refused(GRANTED_AMOUNT, "Beviljat belopp ska vara hela kronor, 0 eller mer (fältet \"Beviljat belopp\").");
        }
        String reasons = string(task, REASONS);
        switch (kind) {
            case BIFALL -> {
                if (calculated <= 0) {
                    throw refused(PROPOSED_DECISION, "Beräkningen ger inget bistånd: bifall är inte möjligt. Välj avslag och motivera.");
                }
                task.setVariable(GRANTED_AMOUNT, calculated);
            }
            case DELVIS_BIFALL -> {
                if (granted == null || granted <= 0 || granted >= calculated) {
                    throw refused(GRANTED_AMOUNT, "Vid delvis bifall ska beviljat belopp vara större än 0 och mindre än det beräknade ("
                            + calculated + " kr) (fältet \"Beviljat belopp\").");
                }
                requireReasons(reasons, "delvis bifall");
            }
            case AVSLAG -> {
                requireReasons(reasons, "avslag");
                task.setVariable(GRANTED_AMOUNT, 0L);
            }
        }
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
