package se.stegvis.config;

/**
 * A value the rules do not accept, or a request that names something the application does not have (e.g. a year
 * without a norm): HTTP 400 naming the field. See {@link Refusal}.
 */
public class InvalidRequestException extends Refusal {

    public InvalidRequestException(String field, String message) {
        super(field, null, message);
    }

    protected InvalidRequestException(String field, String rule, String message) {
        super(field, rule, message);
    }

    @Override
    public int status() {
        return 400;
    }
}
