package se.stegvis.journey.process;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.stegvis.journey.domain.PlanStep;

/**
 * The plan's steps as the coach writes them in "Steg med datum": one step per line, a date first when there is one
 * ({@code 2026-12-01 Börja SFI kurs C}). Read the same way when the form is completed (a wrong date is refused there,
 * naming the line) and when the plan is recorded.
 */
public final class PlanSteps {

    private static final Pattern STEP_LINE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})?\\s*[:\\-–]?\\s*(.*)$");

    /** The steps; throws IllegalArgumentException naming the line of a date that does not exist (2026-02-30). */
    public static List<PlanStep> parse(String text) {
        List<PlanStep> steps = new ArrayList<>();
        if (text == null) {
            return steps;
        }
        int number = 0;
        for (String line : text.split("\\R")) {
            number++;
            Matcher m = STEP_LINE.matcher(line.strip());
            if (m.matches() && !m.group(2).isBlank()) {
                LocalDate date = null;
                if (m.group(1) != null) {
                    try {
                        date = LocalDate.parse(m.group(1));
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("Steg med datum, rad " + number + ": " + m.group(1)
                                + " är inget giltigt datum (ÅÅÅÅ-MM-DD).");
                    }
                }
                steps.add(new PlanStep(m.group(2).strip(), date));
            }
        }
        return steps;
    }

    private PlanSteps() {}
}
