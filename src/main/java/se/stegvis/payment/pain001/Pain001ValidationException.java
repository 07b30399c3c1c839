package se.stegvis.payment.pain001;

/**
 * A payment file that does not follow the pain.001.001.03 schema. The message names the schema rule and
 * the position only, never the offending value, which may be personal data.
 */
public class Pain001ValidationException extends IllegalStateException {

    public Pain001ValidationException(String message) {
        super(message);
    }
}
