package se.stegvis.integration.arbetsformedlingen;

/** Arbetsförmedlingen did not answer; the message names no person. */
public class ArbetsformedlingenUnavailableException extends RuntimeException {

    public ArbetsformedlingenUnavailableException(String message) {
        super(message);
    }
}
