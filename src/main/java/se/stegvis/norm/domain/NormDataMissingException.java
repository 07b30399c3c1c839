package se.stegvis.norm.domain;

/**
 * The riksnorm tables cannot answer what a calculation needs for a year: never a silent zero, never a guess. A process
 * owner can add what is missing (a new year's rows); until then an application waits for it.
 */
public abstract class NormDataMissingException extends RuntimeException {

    private final int year;

    protected NormDataMissingException(int year, String message) {
        super(message);
        this.year = year;
    }

    /** The year whose riksnorm lacks the amount. */
    public int year() {
        return year;
    }
}
