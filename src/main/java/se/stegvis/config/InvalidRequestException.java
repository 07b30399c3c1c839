package se.stegvis.config;

/** A request that is well-formed but names something the application does not have (e.g. a year without a norm). */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
