package se.stegvis.config;

/** The request names something (by id in the path) that does not exist: HTTP 404 in the project's error format. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
