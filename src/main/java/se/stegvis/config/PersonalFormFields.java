package se.stegvis.config;

import java.util.Collection;

/**
 * Form fields of a feature that carry personal data and must never reach the engine's history (a start form's
 * personnummer, incomes, ...). Each feature with such a form offers one bean; {@link PersonalDataHistoryPlugin}
 * hands them all to {@link PersonalDataHistoryLevel}. So config knows no feature.
 */
public interface PersonalFormFields {

    Collection<String> names();
}
