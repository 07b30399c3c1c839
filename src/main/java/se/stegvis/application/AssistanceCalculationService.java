package se.stegvis.application;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationIncome;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.CalculationLine;
import se.stegvis.application.domain.CalculationLineRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.application.domain.Reduction;
import se.stegvis.application.domain.ReductionRepository;
import se.stegvis.norm.domain.Adjustment;
import se.stegvis.norm.domain.Income;
import se.stegvis.norm.domain.IncomeKind;
import se.stegvis.norm.domain.NormCalculator;
import se.stegvis.norm.domain.NormDataMissingException;
import se.stegvis.norm.domain.NormInput;
import se.stegvis.norm.domain.NormLine;
import se.stegvis.norm.domain.NormResult;
import se.stegvis.norm.domain.NormRule;
import se.stegvis.norm.domain.ReasonableCosts;

/**
 * Calculates an application with the norm service and stores the result line by line. What the calculation needs
 * beyond the application comes from the client's history: months in a row with assistance (jobbstimulans), the
 * month's reductions decided in the client journey, and for a tilläggsansökan what the month already granted.
 */
@Service
public class AssistanceCalculationService {

    /** Sections of the stored lines, as the form and the letter group them. */
    public static final String NORM = "NORM";
    public static final String COSTS = "KOSTNAD";
    public static final String INCOMES = "INKOMST";
    public static final String ADJUSTMENT = "JUSTERING";

    private final ApplicationRepository applications;
    private final ReductionRepository reductions;
    private final CalculationLineRepository lines;
    private final NormCalculator calculator;

    public AssistanceCalculationService(ApplicationRepository applications,
                                        ReductionRepository reductions, CalculationLineRepository lines,
                                        NormCalculator calculator) {
        this.applications = applications;
        this.reductions = reductions;
        this.lines = lines;
        this.calculator = calculator;
    }

    /**
     * Calculates (again) and replaces the stored lines; returns the result. A riksnorm that cannot answer for the
     * month ({@link NormDataMissingException}) stores nothing and leaves the caller's transaction usable: the
     * application then waits for the riksnorm.
     */
    @Transactional(noRollbackFor = NormDataMissingException.class)
    public NormResult calculate(UUID applicationId) {
        Application application = applications.findById(applicationId)
                .orElseThrow(() -> new IllegalArgumentException("Ansökan " + applicationId + " finns inte"));
        Client client = application.getClient();
        YearMonth month = application.getMonth();

        ReasonableCosts costs = application.costs();
        int monthsInARow = application.getKind() == ApplicationKind.TILLAGGSANSOKAN ? 0
                : consecutiveMonthsWithSupport(client.getId(), month);
        // Jobbstimulans is counted from the month the household had had assistance six months in a row.
        YearMonth jobbstimulansStart = monthsInARow >= NormCalculator.JOBBSTIMULANS_QUALIFYING_MONTHS
                ? month.minusMonths(monthsInARow - NormCalculator.JOBBSTIMULANS_QUALIFYING_MONTHS) : null;
        List<Income> incomes = new ArrayList<>();
        for (ApplicationIncome income : application.getIncomes()) {
            incomes.add(income.getKind() == IncomeKind.EMPLOYMENT && jobbstimulansStart != null
                    ? Income.employment(income.getName(), income.getAmount(), jobbstimulansStart)
                    : new Income(income.getName(), income.getKind(), income.getAmount(), null, 0));
        }
        List<Adjustment> adjustments = new ArrayList<>();
        if (application.getKind() == ApplicationKind.TILLAGGSANSOKAN) {
            // An extra need on top of the month: the need is added, what the month already granted is counted.
            // Levnadskostnader i övrigt (dental care, glasses …) stay allowed where the riksnorm is a ceiling (from
            // 2027-01); a supplement to the norm items is refused there already when the application is submitted.
            adjustments.add(new Adjustment("Tilläggsbehov: " + application.getExtraNeedDescription(),
                    application.getExtraNeedAmount(), application.getExtraNeedKind().adjustment()));
            long granted = grantedForMonth(client.getId(), month, applicationId);
            if (granted > 0) {
                incomes.add(Income.other("Redan beviljat försörjningsstöd för månaden", granted));
            }
        }
        for (Reduction reduction : reductions.findByClientIdAndMonth(client.getId(), month.toString())) {
            adjustments.add(new Adjustment("Nedsättning: " + reduction.getReason(), -reduction.getAmount(),
                    Adjustment.Kind.REDUCTION));
        }
        NormResult result = calculator.calculate(new NormInput(month, application.household(), costs, incomes,
                monthsInARow, adjustments, application.housingTerms()));
        store(applicationId, month, result.lines());
        return result;
    }

    /**
     * An application that gets nödbistånd only (decision laglig-vistelse, from 2027-01): no calculation by the
     * riksnorm. The one line stored says why; the caseworker decides the acute need in "Utred ansökan".
     */
    @Transactional
    public void emergencyAidOnly(UUID applicationId) {
        Application application = applications.findById(applicationId)
                .orElseThrow(() -> new IllegalArgumentException("Ansökan " + applicationId + " finns inte"));
        store(applicationId, application.getMonth(), List.of(new NormLine(EMERGENCY_AID_LINE, 0,
                NormRule.EMERGENCY_AID_ONLY)));
    }

    /** The line of an application that gets nödbistånd only. */
    public static final String EMERGENCY_AID_LINE = "Endast nödbistånd: sökanden vistas inte lagligt i Sverige, ingen"
            + " beräkning enligt riksnormen. Handläggaren prövar det akuta behovet.";

    private void store(UUID applicationId, YearMonth month, List<NormLine> result) {
        lines.deleteByApplicationId(applicationId);
        int position = 0;
        for (NormLine line : result) {
            lines.save(new CalculationLine(applicationId, position++, sectionOf(line.rule()), line.description(),
                    line.rule().text(month), line.amount()));
        }
    }

    /** The stored lines, in order. */
    public List<CalculationLine> storedLines(UUID applicationId) {
        return lines.findByApplicationIdOrderByPosition(applicationId);
    }

    static String sectionOf(NormRule rule) {
        return switch (rule) {
            case PERSONAL_COSTS, CHILD_WITHOUT_LUNCH_AT_HOME, LARGE_FAMILY_LIMIT, EMERGENCY_AID_ONLY, COUPLE,
                 SCHOOL_YOUTH, HOUSEHOLD_COSTS, LARGE_HOUSEHOLD, SHARED_HOME -> NORM;
            case HOUSING, SECOND_HAND_LET_WITHOUT_CONSENT, ELECTRICITY, WORK_TRAVEL, HOME_INSURANCE,
                 UNION_AND_UNEMPLOYMENT_FUND -> COSTS;
            case INCOME, CHILD_WORK_INCOME_EXEMPT, JOBBSTIMULANS -> INCOMES;
            case ADJUSTMENT -> ADJUSTMENT;
        };
    }

    /** Months in a row before {@code month} in which the client was granted money for the month. */
    int consecutiveMonthsWithSupport(UUID clientId, YearMonth month) {
        Map<YearMonth, Long> granted = grantedByMonth(clientId, null);
        int count = 0;
        YearMonth m = month.minusMonths(1);
        while (granted.getOrDefault(m, 0L) > 0) {
            count++;
            m = m.minusMonths(1);
        }
        return count;
    }

    /** What the client's monthly applications (not extra needs) for the month were granted, by latest decision. */
    long grantedForMonth(UUID clientId, YearMonth month, UUID except) {
        return grantedByMonth(clientId, except).getOrDefault(month, 0L);
    }

    /**
     * What the client's monthly applications (not extra needs) were granted, by month: each application counts with
     * its latest decision. One query for the household's whole history (a household with a year of grants cost two
     * queries per month of it, and its applications with their incomes read again for every month).
     */
    private Map<YearMonth, Long> grantedByMonth(UUID clientId, UUID except) {
        Map<UUID, Object[]> latest = new HashMap<>();
        for (Object[] row : applications.decisionsOfClient(clientId, ApplicationKind.TILLAGGSANSOKAN)) {
            latest.put((UUID) row[0], row);   // oldest first: a later decision replaces the earlier
        }
        Map<YearMonth, Long> granted = new HashMap<>();
        latest.forEach((applicationId, row) -> {
            if (!applicationId.equals(except)) {
                granted.merge(YearMonth.parse((String) row[1]), ((Number) row[2]).longValue(), Long::sum);
            }
        });
        return granted;
    }
}
