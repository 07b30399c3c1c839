package se.stegvis.integration.ssbtek;

import static se.stegvis.letter.SwedishFormat.kronor;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import se.stegvis.application.domain.ApplicationIncome;
import se.stegvis.application.domain.ApplicationWarning.Code;
import se.stegvis.letter.SwedishFormat;
import se.stegvis.norm.domain.Household;
import se.stegvis.norm.domain.IncomeKind;

/**
 * The comparison of what a household declared with what the registers report. Pure: no database, no register.
 *
 * <h2>Incomes: compared per source</h2>
 * A declaration names an income freely ("Lön", "Sjukpenning från FK", "Byggbolaget AB") and does not say which
 * authority reports it, so each declared income is first given a source:
 * <ol>
 *   <li>by a keyword in its name ({@link #KEYWORDS}: "a-kassa" → a-kassan, "studiemedel" → CSN, "aktivitetsstöd" →
 *       Arbetsförmedlingen, "sjukpenning", "barnbidrag", "bostadsbidrag" → Försäkringskassan, "…lön" → Skatteverket);</li>
 *   <li>otherwise by a word of at least four letters it shares with the description of a registered income (a
 *       declared "Byggbolaget" matches the register's "Lön Byggbolaget AB");</li>
 *   <li>otherwise an employment income ({@link IncomeKind#EMPLOYMENT}, {@link IncomeKind#CHILD_WORK}) is Skatteverket's;</li>
 *   <li>otherwise it has no source and is compared with nothing.</li>
 * </ol>
 * Then, for each source with a registered total above zero, the declared total for that source is compared with it:
 * nothing declared → {@link Code#INKOMST_EJ_UPPGIVEN}; declared, but differing by more than the tolerance →
 * {@link Code#INKOMST_ANDRAD}. An income declared but not registered gives no warning: it is counted in the
 * calculation anyway, and the registers often lag a month behind. The applicant's and the co-applicant's incomes are
 * compared together, as the application declares them for the household.
 *
 * <h2>Household and housing</h2>
 * {@link Code#HUSHALL_ANDRAT} when the registers count another number of persons than the application's adults and
 * children; {@link Code#BOENDEKOSTNAD_ANDRAD} when the registered housing cost differs from the declared by more than
 * the tolerance; {@link Code#KOSTNAD_OVER_TAK} when the declared housing cost is above the municipality's ceiling for
 * the persons applied for (this one needs no register).
 */
public final class IncomeCheckRules {

    /** Keywords (lower case) in a declared income's name that say which authority reports it. */
    static final Map<RegisterSource, List<String>> KEYWORDS = new EnumMap<>(Map.of(
            RegisterSource.AKASSA, List.of("a-kassa", "akassa", "a-kasse", "arbetslöshetskassa", "arbetslöshetsersättning",
                    "inkomstrelaterad", "grundbelopp"),
            RegisterSource.CSN, List.of("csn", "studiemedel", "studiebidrag", "studielån", "studiehjälp",
                    "studiestartsstöd"),
            RegisterSource.AF, List.of("arbetsförmedlingen", "aktivitetsstöd", "etableringsersättning",
                    "utvecklingsersättning", "af"),
            RegisterSource.FK, List.of("försäkringskassan", "fk", "sjukpenning", "sjukersättning", "föräldrapenning",
                    "barnbidrag", "bostadsbidrag", "underhållsstöd", "aktivitetsersättning", "vab",
                    "omvårdnadsbidrag", "assistansersättning"),
            RegisterSource.SKV, List.of("lön", "skatteverket", "arbetsgivare", "arvode")));

    private static final int MIN_SHARED_WORD = 4;
    private static final int MAX_DESCRIPTIONS = 200;

    private final long tolerance;

    /** @param tolerance kronor two amounts may differ without a warning */
    public IncomeCheckRules(long tolerance) {
        if (tolerance < 0) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        this.tolerance = tolerance;
    }

    /**
     * Compares an application with the registers' answer.
     *
     * @param month          the month applied for (named in the messages)
     * @param declared       the incomes the household declared
     * @param household      the persons applied for
     * @param declaredHousing the declared housing cost, kr/month
     * @param housingCeiling the municipality's ceiling for {@code household.applicants()} persons
     * @param registers      the applicant's answer, {@link RegisterAnswer#and combined} with the co-applicant's
     * @return the differences, in a stable order: incomes by source, household, housing, ceiling
     */
    public List<RegisterFinding> compare(YearMonth month, List<ApplicationIncome> declared, Household household,
                                         long declaredHousing, long housingCeiling, RegisterAnswer registers) {
        List<RegisterFinding> findings = new ArrayList<>();
        String when = SwedishFormat.month(month);
        compareIncomes(when, declared, registers.incomes(), findings);
        registers.householdSize().ifPresent(size -> {
            if (size != household.applicants()) {
                findings.add(new RegisterFinding(Code.HUSHALL_ANDRAT, "Registren anger " + persons(size)
                        + " i hushållet för " + when + ", ansökan anger " + persons(household.applicants()) + " ("
                        + adults(household.adults()) + ", " + household.childrenAges().size() + " barn)."));
            }
        });
        registers.housingCost().ifPresent(registered -> {
            if (Math.abs(registered - declaredHousing) > tolerance) {
                findings.add(new RegisterFinding(Code.BOENDEKOSTNAD_ANDRAD, "Registren anger boendekostnaden "
                        + kronor(registered) + " för " + when + ", ansökan anger " + kronor(declaredHousing)
                        + " (skillnad " + kronor(Math.abs(registered - declaredHousing)) + ")."));
            }
        });
        if (declaredHousing > housingCeiling) {
            findings.add(new RegisterFinding(Code.KOSTNAD_OVER_TAK, "Boendekostnaden " + kronor(declaredHousing)
                    + " är " + kronor(declaredHousing - housingCeiling) + " högre än kommunens tak "
                    + kronor(housingCeiling) + " för " + persons(household.applicants()) + "."));
        }
        return findings;
    }

    private void compareIncomes(String when, List<ApplicationIncome> declared, List<RegisteredIncome> registered,
                                List<RegisterFinding> findings) {
        Map<RegisterSource, Long> declaredBySource = new EnumMap<>(RegisterSource.class);
        for (ApplicationIncome income : declared) {
            sourceOf(income, registered).ifPresent(s -> declaredBySource.merge(s, income.getAmount(), Long::sum));
        }
        for (RegisterSource source : RegisterSource.values()) {
            List<RegisteredIncome> fromSource = registered.stream().filter(r -> r.source() == source).toList();
            long registeredTotal = fromSource.stream().mapToLong(RegisteredIncome::amount).sum();
            if (registeredTotal == 0) {
                continue;
            }
            long declaredTotal = declaredBySource.getOrDefault(source, 0L);
            String what = source.authority() + " anger " + kronor(registeredTotal) + " i inkomst för " + when
                    + " (" + descriptions(fromSource) + ")";
            if (declaredTotal == 0) {
                findings.add(new RegisterFinding(Code.INKOMST_EJ_UPPGIVEN, what + " som inte finns i ansökan."));
            } else if (Math.abs(declaredTotal - registeredTotal) > tolerance) {
                findings.add(new RegisterFinding(Code.INKOMST_ANDRAD, what + ", ansökan anger " + kronor(declaredTotal)
                        + " (skillnad " + kronor(Math.abs(declaredTotal - registeredTotal)) + ")."));
            }
        }
    }

    /** The source a declared income is compared with, by the rules in the class comment. */
    static Optional<RegisterSource> sourceOf(ApplicationIncome income, List<RegisteredIncome> registered) {
        Set<String> words = words(income.getName());
        for (RegisterSource source : RegisterSource.values()) {
            for (String keyword : KEYWORDS.get(source)) {
                boolean hit = keyword.length() <= 3
                        ? words.stream().anyMatch(w -> w.equals(keyword) || (source == RegisterSource.SKV && w.endsWith(keyword)))
                        : income.getName().toLowerCase(Locale.ROOT).contains(keyword);
                if (hit) {
                    return Optional.of(source);
                }
            }
        }
        for (RegisteredIncome r : registered) {
            Set<String> shared = new LinkedHashSet<>(words(r.description()));
            shared.retainAll(words);
            if (shared.stream().anyMatch(w -> w.length() >= MIN_SHARED_WORD)) {
                return Optional.of(r.source());
            }
        }
        if (income.getKind() == IncomeKind.EMPLOYMENT || income.getKind() == IncomeKind.CHILD_WORK) {
            return Optional.of(RegisterSource.SKV);
        }
        return Optional.empty();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+"))
                .filter(w -> !w.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String descriptions(List<RegisteredIncome> incomes) {
        String joined = incomes.stream()
                .map(r -> (r.description().isEmpty() ? "utan beskrivning" : r.description()) + " " + kronor(r.amount()))
                .collect(Collectors.joining(", "));
        return joined.length() <= MAX_DESCRIPTIONS ? joined : joined.substring(0, MAX_DESCRIPTIONS - 1) + "…";
    }

    private static String persons(int n) {
        return n == 1 ? "1 person" : n + " personer";
    }

    private static String adults(int n) {
        return n == 1 ? "1 vuxen" : n + " vuxna";
    }
}
