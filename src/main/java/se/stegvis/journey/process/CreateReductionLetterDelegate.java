package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.journey.SanctionLetters;

/**
 * "Skapa beslutsbrev om nedsättning": the PDF of the decision on the sanction — outcome, amount and month, reasons,
 * legal ground and how to appeal (35 kap. 1 § p. 2 SoL 2025:400) — stored once, read at
 * {@code GET /api/sanktioner/{id}/brev}.
 */
@Component
public class CreateReductionLetterDelegate implements JavaDelegate {

    private final SanctionLetters letters;

    public CreateReductionLetterDelegate(SanctionLetters letters) {
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID sanctionId = optionalId(execution, SANCTION_ID);
        if (sanctionId == null) {
            throw new IllegalStateException("Sanktionen saknas (" + SANCTION_ID + "): beslutsbrevet kan inte skapas");
        }
        letters.createDecisionLetter(sanctionId);
    }
}
