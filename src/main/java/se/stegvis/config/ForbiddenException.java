package se.stegvis.config;

/**
 * The user may not do this, by a rule of the office rather than a missing permission (e.g. four eyes: the
 * investigator may not approve their own decision): HTTP 403 naming the rule. See {@link Refusal}.
 */
public class ForbiddenException extends Refusal {

    public ForbiddenException(String rule, String message) {
        super(null, rule, message);
    }

    @Override
    public int status() {
        return 403;
    }
}
