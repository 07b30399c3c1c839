package se.stegvis.norm.domain;

/** The riksnorm table has no row for the year (or the person) asked for: never a silent zero. */
public class NormYearMissingException extends NormDataMissingException {

    public NormYearMissingException(int year, String what) {
        super(year, "Riksnormen saknar belopp för år " + year + " (" + what + "). "
                + "En processägare lägger in årets belopp i processes/riksnorm.dmn.");
    }
}
