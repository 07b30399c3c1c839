package se.stegvis.config;

/** The request names something (by id in the path) that does not exist: HTTP 404. See {@link Refusal}. */
public class NotFoundException extends Refusal {

    public NotFoundException(String message) {
        super(null, null, message);
    }

    @Override
    public int status() {
        return 404;
    }
}
