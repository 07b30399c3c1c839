package se.stegvis.placement.process;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import se.stegvis.config.PersonalFormFields;

/** The placement's notes that leave the engine: the coach's note from the mid-review (kept in task_note). */
@Component
public class PlacementFormFields implements PersonalFormFields {

    @Override
    public Collection<String> names() {
        return storedOutsideTheEngine();
    }

    @Override
    public Collection<String> storedOutsideTheEngine() {
        return List.of(PlacementProcess.MID_REVIEW_NOTE);
    }
}
