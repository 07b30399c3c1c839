package se.stegvis.integration.ssbtek;

import java.time.YearMonth;
import se.stegvis.client.domain.Personnummer;

/**
 * The state registers as the income check sees them (the SSBTEK pattern: Försäkringskassan, Skatteverket,
 * Arbetsförmedlingen, CSN and the unemployment funds). {@link LocalIncomeRegister} reads the local stand-in table; a
 * real SSBTEK client implements this interface and replaces it without any change to the model or the check.
 */
public interface IncomeRegister {

    /**
     * What the registers report for the person and month.
     *
     * @return the answer, {@link RegisterAnswer#EMPTY} when the registers know nothing
     * @throws RegisterUnavailableException when the register cannot answer now (the caller tries again later)
     */
    RegisterAnswer lookup(Personnummer person, YearMonth month) throws RegisterUnavailableException;
}
