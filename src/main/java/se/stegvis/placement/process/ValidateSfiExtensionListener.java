package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import java.time.LocalDate;
import se.stegvis.config.InvalidRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.placement.SfiRights;

/**
 * Completing "Följ upp rätten till SFI": the coach says whether the huvudman extended the right and, if so, to which
 * day; the extension must keep the rules (at most six months beyond the current end, at most three years in all).
 * Tasklist shows the refusal and the task stays open (HTTP 400 naming the field over the engine's REST API).
 */
@Component
public class ValidateSfiExtensionListener implements TaskListener {

    static final String EXTENDED_FIELD = "fältet \"Har huvudmannen förlängt rätten?\"";
    static final String UNTIL_FIELD = "fältet \"Förlängd till och med\"";

    private final SfiRights sfiRights;

    public ValidateSfiExtensionListener(SfiRights sfiRights) {
        this.sfiRights = sfiRights;
    }

    @Override
    public void notify(DelegateTask task) {
        Boolean extended = sfiExtended(task);
        if (extended == null) {
            throw new InvalidRequestException(SFI_EXTENDED, "Svara om rätten till SFI har förlängts (" + EXTENDED_FIELD + ").");
        }
        if (!extended) {
            return;
        }
        LocalDate until;
        try {
            until = date(task, SFI_EXTENDED_UNTIL);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(SFI_EXTENDED_UNTIL, "Datumet anges ÅÅÅÅ-MM-DD (" + UNTIL_FIELD + ").");
        }
        if (until == null) {
            throw new InvalidRequestException(SFI_EXTENDED_UNTIL, "Ange till och med vilken dag rätten har förlängts (" + UNTIL_FIELD + ").");
        }
        try {
            sfiRights.checkExtension(placementId(task), until);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(SFI_EXTENDED_UNTIL, e.getMessage() + " (" + UNTIL_FIELD + ").");
        }
    }
}
