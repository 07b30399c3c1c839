package se.stegvis.journey.process;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import se.stegvis.config.PersonalFormFields;

/** The journey's notes that leave the engine: the team leader's note on a missed follow-up (kept in task_note). */
@Component
public class JourneyFormFields implements PersonalFormFields {

    @Override
    public Collection<String> names() {
        return storedOutsideTheEngine();
    }

    @Override
    public Collection<String> storedOutsideTheEngine() {
        return List.of(JourneyProcess.MISSED_ACTION);
    }
}
