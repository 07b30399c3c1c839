package se.stegvis.config;

/**
 * A well-formed request that the named thing's current state does not allow (e.g. a second active journey, a message
 * nobody waits for, a task not yet claimed): HTTP 409. A kind of {@link InvalidRequestException}, so callers that only
 * care that the request was refused need not tell them apart. See {@link Refusal}.
 */
public class ConflictException extends InvalidRequestException {

    public ConflictException(String field, String message) {
        super(field, null, message);
    }

    /** A conflict with a rule rather than one field's value, e.g. {@code ta-uppgiften-forst}. */
    public static ConflictException rule(String rule, String message) {
        return new ConflictException(null, rule, message);
    }

    /** Completing a task nobody has claimed: rule {@code ta-uppgiften-forst}. */
    public static ConflictException taskNotClaimed() {
        return rule("ta-uppgiften-forst", "Ta uppgiften (Claim) innan du slutför den.");
    }

    private ConflictException(String field, String rule, String message) {
        super(field, rule, message);
    }

    @Override
    public int status() {
        return 409;
    }
}
