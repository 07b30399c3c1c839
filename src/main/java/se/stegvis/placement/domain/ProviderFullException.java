package se.stegvis.placement.domain;

/** The chosen provider has no free place (or is not one that can take this kind of placement). */
public class ProviderFullException extends RuntimeException {

    public ProviderFullException(String message) {
        super(message);
    }
}
