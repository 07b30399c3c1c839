package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import se.stegvis.config.PersonalFormFields;

/**
 * The decision form's godtagbart skäl beyond its free text: the ground (e.g. illness), the days of illness and the
 * läkarintyg's date are health data. They never reach the engine's history; the sanction holds them.
 */
@Component
public class SanctionFormPersonalFields implements PersonalFormFields {

    @Override
    public Collection<String> names() {
        return List.of(ACCEPTABLE_REASON, ILLNESS_DAYS, EXCUSE_CERTIFICATE_DATE);
    }
}
