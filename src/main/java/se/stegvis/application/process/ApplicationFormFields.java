package se.stegvis.application.process;

import java.util.Collection;
import org.springframework.stereotype.Component;
import se.stegvis.config.PersonalFormFields;

/** The start form's fields (personnummer, incomes, costs): personal data that never reaches the engine's history. */
@Component
public class ApplicationFormFields implements PersonalFormFields {

    @Override
    public Collection<String> names() {
        return RegisterApplicationFromFormListener.FORM_FIELDS;
    }
}
