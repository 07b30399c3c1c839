package se.stegvis.integration.ssbtek;

/**
 * The register could not answer (down, timed out, refused). Worth trying again later; it says nothing about the
 * person. The message must never contain personal data.
 */
public class RegisterUnavailableException extends RuntimeException {

    public RegisterUnavailableException(String message) {
        super(message);
    }

    public RegisterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
