package se.stegvis.config;

import java.util.Collection;
import java.util.List;

/**
 * Variables of a feature that carry personal data (a start form's personnummer, incomes, a health flag, texts shown
 * in a form ...). Each feature with such data offers one bean; {@link PersonalDataHistoryPlugin} hands them all to the
 * engine ({@link PersonalData}). So config knows no feature. Free text typed into any task form is personal data
 * without being named here ({@link FormCatalog}).
 */
public interface PersonalFormFields {

    /** Variables never written to the engine's history. */
    Collection<String> names();

    /**
     * Task-form fields besides free text whose value leaves the engine when the task completes, kept in Stegvis'
     * table {@code form_field_value} until the process ends (e.g. health: "hälsohinder").
     */
    default Collection<String> storedOutsideTheEngine() {
        return List.of();
    }

    /** Decision tables (keys) whose inputs are personal: their evaluations are not kept in the engine's history. */
    default Collection<String> decisionsWithPersonalInputs() {
        return List.of();
    }
}
