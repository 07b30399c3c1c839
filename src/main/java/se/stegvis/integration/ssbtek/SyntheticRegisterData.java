package se.stegvis.integration.ssbtek;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.stegvis.client.domain.Personnummer;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.integration.ssbtek.RegisterRecord.Kind;

/**
 * Fills the local register with a few synthetic persons ({@link SyntheticPersonnummer}, seed {@value #SEED}, so the
 * same numbers at every start) for the {@value #MONTHS_AROUND} months before and after the current month, so that a
 * newcomer's application for one of them shows warnings. On when {@code stegvis.ssbtek.demo-data} is true, which
 * follows {@code stegvis.demo-users} unless set (so: the default profile, never {@code postgres}). Runs when the
 * application is ready (after Flyway) and adds only the person-months that have no rows yet. The persons are listed
 * in {@code docs/ssbtek.md}.
 */
@Component
public class SyntheticRegisterData {

    public static final long SEED = 4_271_2025L;
    public static final int MONTHS_AROUND = 3;

    /** The seeded persons; see {@code docs/ssbtek.md} for what a newcomer declares to see warnings. */
    public static final List<Person> PERSONS = persons();

    private static final Logger log = LoggerFactory.getLogger(SyntheticRegisterData.class);
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final RegisterRecordRepository records;
    private final boolean enabled;

    public SyntheticRegisterData(RegisterRecordRepository records,
                                 @Value("${stegvis.ssbtek.demo-data:${stegvis.demo-users:false}}") boolean enabled) {
        this.records = records;
        this.enabled = enabled;
    }

    /**
     * One synthetic person as the registers know them, the same every month.
     *
     * @param personnummer  a synthetic samordningsnummer
     * @param about         who this is, for the documentation
     * @param householdSize persons in the household
     * @param housingCost   the housing cost, kr/month
     * @param incomes       the incomes per month
     */
    public record Person(Personnummer personnummer, String about, int householdSize, long housingCost,
                         List<RegisteredIncome> incomes) {}

    @EventListener(ApplicationReadyEvent.class)
    public void seedOnStart() {
        if (enabled) {
            int added = seed(YearMonth.now(SWEDEN));
            log.info("Synthetic register data: {} row(s) added for {} person(s)", added, PERSONS.size());
        }
    }

    /**
     * Adds the persons' rows for the months around {@code current} that have none yet.
     *
     * @return the number of rows added
     */
    public int seed(YearMonth current) {
        List<RegisterRecord> rows = new ArrayList<>();
        for (Person p : PERSONS) {
            for (int i = -MONTHS_AROUND; i <= MONTHS_AROUND; i++) {
                String month = current.plusMonths(i).toString();
                if (records.existsByPersonnummerAndMonth(p.personnummer().value(), month)) {
                    continue;
                }
                for (RegisteredIncome income : p.incomes()) {
                    rows.add(new RegisterRecord(p.personnummer().value(), month,
                            RegisterRecord.Source.valueOf(income.source().name()), Kind.INKOMST, income.description(),
                            income.amount()));
                }
                rows.add(new RegisterRecord(p.personnummer().value(), month, RegisterRecord.Source.SKV,
                        Kind.HUSHALLSSTORLEK, "Folkbokförda i lägenheten", p.householdSize()));
                rows.add(new RegisterRecord(p.personnummer().value(), month, RegisterRecord.Source.FK,
                        Kind.BOENDEKOSTNAD, "Boendekostnad enligt ansökan om bostadsbidrag", p.housingCost()));
            }
        }
        records.saveAll(rows);
        return rows.size();
    }

    private static List<Person> persons() {
        SyntheticPersonnummer numbers = SyntheticPersonnummer.withSeed(SEED);
        return List.of(
                new Person(numbers.next(), "Ensamstående med lön och bostadsbidrag", 1, 7_400, List.of(
                        new RegisteredIncome(RegisterSource.SKV, "Lön Byggbolaget i Norrköping AB", 9_400),
                        new RegisteredIncome(RegisterSource.FK, "Bostadsbidrag", 1_300))),
                new Person(numbers.next(), "Sökande i ett par med två barn, ersättning från a-kassan", 4, 10_900,
                        List.of(new RegisteredIncome(RegisterSource.AKASSA, "Inkomstrelaterad ersättning", 12_100),
                                new RegisteredIncome(RegisterSource.FK, "Barnbidrag", 2_500))),
                new Person(numbers.next(), "Medsökande i samma par, studerar", 4, 10_900, List.of(
                        new RegisteredIncome(RegisterSource.CSN, "Studiemedel, bidragsdel", 3_400))),
                new Person(numbers.next(), "Sambo utan barn, aktivitetsstöd", 2, 8_100, List.of(
                        new RegisteredIncome(RegisterSource.AF, "Aktivitetsstöd", 7_600))));
    }
}
