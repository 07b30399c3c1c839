package se.stegvis.application.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.List;
import org.springframework.stereotype.Component;
import se.stegvis.config.PersonalFormFields;

/**
 * The start form's fields (personnummer, incomes, costs): personal data that never reaches the engine's history; and
 * the notes of two follow-up tasks, which leave the engine altogether.
 */
@Component
public class ApplicationFormFields implements PersonalFormFields {

    @Override
    public Collection<String> names() {
        return RegisterApplicationDelegate.FORM_FIELDS;
    }

    /** The notes of the team leader's and the caseworker's follow-up tasks: kept in Stegvis' table task_note. */
    @Override
    public Collection<String> storedOutsideTheEngine() {
        return List.of(EkonomisktBistandProcess.OVERDUE_ACTION, EkonomisktBistandProcess.PAYMENT_CHECK_NOTE);
    }
}
