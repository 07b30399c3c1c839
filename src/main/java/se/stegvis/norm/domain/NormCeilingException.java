package se.stegvis.norm.domain;

import java.time.YearMonth;

/**
 * A supplement to the norm items for a month where the riksnorm is a ceiling ({@code riksnorm-tak}, from 2027-01): it
 * cannot be granted. Costs of living beyond the norm (levnadskostnader i övrigt) are not affected.
 */
public class NormCeilingException extends RuntimeException {

    private final YearMonth month;

    public NormCeilingException(YearMonth month) {
        super("Från " + month + " är riksnormen ett tak: ett tillägg till normposterna kan inte beviljas. Kostnader för"
                + " levnadsomkostnader i övrigt (t.ex. tandvård, glasögon) kan sökas som förut.");
        this.month = month;
    }

    public YearMonth month() {
        return month;
    }
}
