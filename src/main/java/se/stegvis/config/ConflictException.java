package se.stegvis.config;

/**
 * A well-formed request that the named thing's current state does not allow (e.g. a second active journey, a message
 * nobody waits for): HTTP 409 in the project's error format. A kind of {@link InvalidRequestException}, so callers that
 * only care that the request was refused need not tell them apart.
 */
public class ConflictException extends InvalidRequestException {

    public ConflictException(String field, String message) {
        super(field, message);
    }
}
