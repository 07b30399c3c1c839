package se.stegvis.integration.ssbtek;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import se.stegvis.client.domain.Personnummer;

/**
 * The stand-in for SSBTEK: answers from the table {@code register_record} (seeded with synthetic persons in the
 * default profile, see {@link SyntheticRegisterData}). One record per income; at most one household size and one
 * housing cost per person and month are expected; should there be several, the first stored counts.
 *
 * <p>{@code stegvis.ssbtek.available=false}, or {@link #setAvailable(boolean)} at run time, makes it behave as a
 * register that is down, so the retries and the incident can be seen without a real outage.
 */
@Component
public class LocalIncomeRegister implements IncomeRegister {

    private final RegisterRecordRepository records;
    private volatile boolean available;

    public LocalIncomeRegister(RegisterRecordRepository records, SsbtekProperties properties) {
        this.records = records;
        this.available = properties.available();
    }

    @Override
    public RegisterAnswer lookup(Personnummer person, YearMonth month) {
        if (!available) {
            throw new RegisterUnavailableException("Registret (SSBTEK) svarar inte (stegvis.ssbtek.available=false)");
        }
        List<RegisterRecord> found = records.findByPersonnummerAndMonthOrderById(person.value(), month.toString());
        List<RegisteredIncome> incomes = new ArrayList<>();
        OptionalInt householdSize = OptionalInt.empty();
        OptionalLong housingCost = OptionalLong.empty();
        for (RegisterRecord r : found) {
            switch (r.getKind()) {
                case INKOMST -> incomes.add(new RegisteredIncome(RegisterSource.valueOf(r.getSource().name()),
                        r.getDescription(), r.getAmount()));
                case HUSHALLSSTORLEK -> householdSize = householdSize.isPresent() ? householdSize
                        : OptionalInt.of(Math.toIntExact(r.getAmount()));
                case BOENDEKOSTNAD -> housingCost = housingCost.isPresent() ? housingCost : OptionalLong.of(r.getAmount());
            }
        }
        return new RegisterAnswer(incomes, householdSize, housingCost);
    }

    public boolean isAvailable() {
        return available;
    }

    /** Simulates the register going down (false) or coming back (true), for an operator's demo or a test. */
    public void setAvailable(boolean available) {
        this.available = available;
    }
}
