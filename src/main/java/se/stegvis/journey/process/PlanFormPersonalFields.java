package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import se.stegvis.config.PersonalFormFields;

/**
 * The plan form's aktivitetskrav fields that are personal data beyond free text: why the capacity is reduced (health),
 * the läkarintyg's date and the client's status in words. They never reach the engine's history; the plan version
 * holds them ({@link RecordPlanDelegate} removes the variables once it has).
 */
@Component
public class PlanFormPersonalFields implements PersonalFormFields {

    @Override
    public Collection<String> names() {
        return List.of(CAPACITY_REASON, MEDICAL_CERTIFICATE_DATE, ACTIVITY_REQUIREMENT_TEXT, DEVIATION_REASON);
    }
}
