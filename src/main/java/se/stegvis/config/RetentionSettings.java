package se.stegvis.config;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retention from the municipality's records plan (dokumenthanteringsplan), {@code stegvis.retention}:
 * <ul>
 *   <li>{@code engineHistoryDays}: how long Camunda keeps the history of a finished process instance (and of a
 *       decision evaluated outside one). That history is operational — who did which step when — and the case
 *       records themselves are in Stegvis' tables; it overrides every model's {@code historyTimeToLive}.</li>
 *   <li>{@code cleanupWindowStart}/{@code cleanupWindowEnd}: the nightly batch window in which the engine's history
 *       cleanup runs (server time; the window may pass midnight).</li>
 *   <li>{@code caseRecords}: what happens to Stegvis' own case records (applications, decisions, payments, journeys,
 *       the access log). {@code BEVARAS} keeps them: Norrköping, like every municipality of Östergötlands län, is
 *       exempt from gallring for research (SoL 2025:400 16 kap. 4 §, SoF 2025:468 13 kap. 1 §). {@code GALLRAS}
 *       (thin five years after the last note) is not built: the application refuses to start with it rather than
 *       pretend.</li>
 * </ul>
 */
@ConfigurationProperties("stegvis.retention")
public record RetentionSettings(Integer engineHistoryDays, String cleanupWindowStart, String cleanupWindowEnd,
                                CaseRecords caseRecords) {

    /** What the records plan says about the case records. */
    public enum CaseRecords { BEVARAS, GALLRAS }

    public RetentionSettings {
        engineHistoryDays = engineHistoryDays == null ? 180 : engineHistoryDays;
        if (engineHistoryDays < 0) {
            throw new IllegalArgumentException("stegvis.retention.engine-history-days must be 0 or more: " + engineHistoryDays);
        }
        cleanupWindowStart = time(cleanupWindowStart, "22:00", "cleanup-window-start");
        cleanupWindowEnd = time(cleanupWindowEnd, "05:00", "cleanup-window-end");
        caseRecords = caseRecords == null ? CaseRecords.BEVARAS : caseRecords;
        if (caseRecords == CaseRecords.GALLRAS) {
            throw new IllegalArgumentException("stegvis.retention.case-records GALLRAS is not supported by this version:"
                    + " Stegvis keeps its case records (BEVARAS). Gallring must be built before it is configured.");
        }
    }

    /** The defaults: Norrköping's plan. */
    public static RetentionSettings defaults() {
        return new RetentionSettings(null, null, null, null);
    }

    /** The engine's time to live, as Camunda writes it. */
    public String engineHistoryTimeToLive() {
        return "P" + engineHistoryDays + "D";
    }

    private static String time(String value, String fallback, String name) {
        String text = value == null || value.isBlank() ? fallback : value.strip();
        try {
            return LocalTime.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("stegvis.retention." + name + " must be a time HH:mm: " + value);
        }
    }
}
