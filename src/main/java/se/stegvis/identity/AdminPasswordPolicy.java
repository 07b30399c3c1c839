package se.stegvis.identity;

import java.util.Locale;
import java.util.Set;

/** Refuses a production start with a missing, short or well-known administrator password, or a short e-service password. */
final class AdminPasswordPolicy {

    static final int MIN_LENGTH = 12;
    private static final Set<String> KNOWN_DEFAULTS = Set.of("demo", "admin", "password", "changeme", "camunda");

    static void check(AdminProperties admin) {
        if (admin.username() == null || admin.username().isBlank()) {
            throw new IllegalStateException("stegvis.admin.username (STEGVIS_ADMIN_USER) is empty");
        }
        if (!admin.requireStrongPassword()) {
            return;
        }
        String pw = admin.password();
        if (pw == null || pw.isBlank()) {
            throw new IllegalStateException(
                    "STEGVIS_ADMIN_PASSWORD is not set: the postgres profile refuses to start without an admin password");
        }
        String lower = pw.toLowerCase(Locale.ROOT);
        if (KNOWN_DEFAULTS.stream().anyMatch(lower::contains) || lower.equals(admin.username().toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException(
                    "STEGVIS_ADMIN_PASSWORD is a default or guessable password: choose another");
        }
        if (pw.length() < MIN_LENGTH) {
            throw new IllegalStateException(
                    "STEGVIS_ADMIN_PASSWORD must have at least " + MIN_LENGTH + " characters");
        }
    }

    /** The e-service's password, when set, must be long in production: it is a machine's, never typed by hand. */
    static void check(EserviceProperties eservice, boolean requireStrong) {
        if (requireStrong && eservice.enabled() && eservice.password().length() < ESERVICE_MIN_LENGTH) {
            throw new IllegalStateException("STEGVIS_ETJANST_PASSWORD must have at least " + ESERVICE_MIN_LENGTH
                    + " characters (or be empty to switch the e-service's access off)");
        }
    }

    static final int ESERVICE_MIN_LENGTH = 24;

    private AdminPasswordPolicy() {}
}
