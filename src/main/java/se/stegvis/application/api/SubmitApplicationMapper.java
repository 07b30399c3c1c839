package se.stegvis.application.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.stegvis.application.ApplicationSettings;
import se.stegvis.application.SubmitApplication;
import se.stegvis.application.domain.ApplicationIncome;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ExtraNeedKind;
import se.stegvis.client.domain.InvalidPersonnummerException;
import se.stegvis.client.domain.Personnummer;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.payment.pain001.Pain001Writer;
import se.stegvis.client.UnitSettings;
import se.stegvis.norm.api.TrialCalculationRequest;
import se.stegvis.norm.domain.Household;
import se.stegvis.norm.domain.LunchAmountMissingException;
import se.stegvis.norm.domain.NormCalculator;
import se.stegvis.norm.domain.NormCeilingException;
import se.stegvis.norm.domain.NormYearMissingException;
import se.stegvis.norm.domain.IncomeKind;
import se.stegvis.norm.domain.ReasonableCosts;
import se.stegvis.payment.domain.Iban;

/**
 * Turns an application as submitted (through the API or a caseworker's start form) into a checked command. Every
 * rule names the field it concerns.
 */
@Component
public class SubmitApplicationMapper {

    private final Validator validator;
    private final ApplicationSettings settings;
    private final UnitSettings units;
    private final Clock clock;
    private final NormCalculator calculator;

    public SubmitApplicationMapper(Validator validator, ApplicationSettings settings, UnitSettings units, Clock clock,
                                   NormCalculator calculator) {
        this.validator = validator;
        this.settings = settings;
        this.units = units;
        this.clock = clock;
        this.calculator = calculator;
    }

    /** Bean Validation of the request, as the API does it on the way in; the first violation by field name. */
    public void validate(SubmitApplicationRequest request) {
        validator.validate(request).stream()
                .min(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    throw new InvalidRequestException(v.getPropertyPath().toString(), v.getMessage());
                });
    }

    public SubmitApplication toCommand(SubmitApplicationRequest r) {
        Personnummer applicant = personnummer(r.personnummer(), "personnummer");
        Personnummer coApplicant = r.coApplicantPersonnummer() == null || r.coApplicantPersonnummer().isBlank() ? null
                : personnummer(r.coApplicantPersonnummer(), "coApplicantPersonnummer");
        if (coApplicant != null && coApplicant.equals(applicant)) {
            throw new InvalidRequestException("coApplicantPersonnummer", "Medsökande kan inte vara samma person som sökande.");
        }
        if (coApplicant != null && r.adults() != 2) {
            throw new InvalidRequestException("adults", "Med en medsökande ska antal vuxna vara 2.");
        }
        YearMonth month = parseMonth(r.month(), "month");
        YearMonth now = YearMonth.now(clock);
        if (month.isBefore(now.minusMonths(settings.monthsBack())) || month.isAfter(now.plusMonths(settings.monthsAhead()))) {
            throw new InvalidRequestException("month", "Ansökan kan gälla högst " + settings.monthsBack()
                    + " månader bakåt och " + settings.monthsAhead() + " månad framåt (" + now.minusMonths(settings.monthsBack())
                    + " – " + now.plusMonths(settings.monthsAhead()) + ").");
        }
        Map<String, Long> incomeMap = r.incomes() == null ? Map.of() : r.incomes();
        Map<String, IncomeKind> kinds = r.incomeKinds() == null ? Map.of() : r.incomeKinds();
        for (String name : kinds.keySet()) {
            if (!incomeMap.containsKey(name)) {
                throw new InvalidRequestException("incomeKinds." + name, "Det finns ingen inkomst med det namnet.");
            }
        }
        List<ApplicationIncome> incomes = new ArrayList<>();
        incomeMap.forEach((name, amount) ->
                incomes.add(new ApplicationIncome(name, kinds.getOrDefault(name, IncomeKind.OTHER), amount)));
        if (r.kind() == ApplicationKind.TILLAGGSANSOKAN && r.extraNeed() == null) {
            throw new InvalidRequestException("extraNeed", "En tilläggsansökan ska beskriva behovet och beloppet.");
        }
        if (r.kind() != ApplicationKind.TILLAGGSANSOKAN && r.extraNeed() != null) {
            throw new InvalidRequestException("extraNeed", "Bara en tilläggsansökan har ett tilläggsbehov.");
        }
        ExtraNeedKind extraNeedKind = extraNeedKind(month, r.extraNeed());
        boolean secondHandLet = Boolean.TRUE.equals(r.secondHandLet());
        if (secondHandLet && r.secondHandLetConsent() == null) {
            throw new InvalidRequestException("secondHandLetConsent", "Ange om hyresvärden, bostadsrättsföreningen"
                    + " eller hyresnämnden har samtyckt till andrahandsuthyrningen (true eller false).");
        }
        if (!secondHandLet && r.secondHandLetConsent() != null) {
            throw new InvalidRequestException("secondHandLetConsent",
                    "Samtycke anges bara när bostaden hyrs i andra hand (secondHandLet: true).");
        }
        ReasonableCosts costs = r.costs() == null ? ReasonableCosts.NONE : r.costs().toReasonableCosts();
        Household household = new Household(r.adults(),
                TrialCalculationRequest.children(r.childrenAges(), r.children()),
                r.othersSharingHousehold() == null ? 0 : r.othersSharingHousehold());
        checkLunchAmounts(month, household);
        return new SubmitApplication(applicant, coApplicant, month, r.kind(), household, costs, incomes,
                r.extraNeed() == null ? null : r.extraNeed().description(),
                r.extraNeed() == null ? 0 : r.extraNeed().amount(), payoutAccount(r.payoutAccount()),
                units.parse(r.enhet(), "enhet").orElse(null), Boolean.TRUE.equals(r.skyddadIdentitet()),
                extraNeedKind, r.lawfulResidence(), secondHandLet, secondHandLet ? r.secondHandLetConsent() : null);
    }

    /**
     * What the extra need is (a cost of living beyond the norm unless said otherwise). A supplement to the norm items
     * for a month where the riksnorm is a ceiling (decision riksnorm-tak, from 2027-01) is refused here, naming the
     * field, rather than failing the calculation later.
     */
    private ExtraNeedKind extraNeedKind(YearMonth month, SubmitApplicationRequest.ExtraNeed extraNeed) {
        if (extraNeed == null) {
            return null;
        }
        ExtraNeedKind kind = extraNeed.kind() == null ? ExtraNeedKind.OTHER_LIVING_COSTS : extraNeed.kind();
        if (kind == ExtraNeedKind.NORM_SUPPLEMENT && !calculator.normSupplementAllowed(month)) {
            throw new InvalidRequestException("extraNeed.kind", new NormCeilingException(month).getMessage());
        }
        return kind;
    }

    /**
     * A child marked as not eating lunch at home needs the month's riksnorm to have an amount for that: a year whose
     * table lacks it is refused now, naming the child. A year without any table yet is not refused here: the
     * application waits for the riksnorm.
     */
    private void checkLunchAmounts(YearMonth month, Household household) {
        if (household.children().stream().allMatch(Household.Child::lunchAtHome)) {
            return;
        }
        try {
            calculator.personalCosts(month, household);
        } catch (LunchAmountMissingException e) {
            throw new InvalidRequestException("children[" + e.childIndex() + "].lunchAtHome", e.getMessage());
        } catch (NormYearMissingException e) {
            // No riksnorm for the year yet: the application waits for it (VANTAR_PA_RIKSNORM).
        }
    }

    private static SubmitApplication.PayoutAccount payoutAccount(SubmitApplicationRequest.PayoutAccount a) {
        if (a == null) {
            return null;
        }
        if (a.accountHolder() != null && !Pain001Writer.canCarry(a.accountHolder())) {
            throw new InvalidRequestException("payoutAccount.accountHolder", "Kontohavarens namn kan inte skickas till"
                    + " banken: skriv det med latinska bokstäver, som banken har det på kontot.");
        }
        if (a.iban() != null && !a.iban().isBlank()) {
            try {
                String iban = Iban.parse(a.iban()).value();
                return new SubmitApplication.PayoutAccount(a.accountHolder().strip(), iban, null, null);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("payoutAccount.iban", e.getMessage());
            }
        }
        if (a.clearingNumber() == null || a.accountNumber() == null) {
            throw new InvalidRequestException("payoutAccount", "Ange IBAN, eller clearingnummer och kontonummer.");
        }
        return new SubmitApplication.PayoutAccount(a.accountHolder().strip(), null, a.clearingNumber(), a.accountNumber());
    }

    /** The next month's application pre-filled from {@code last}; the client confirms or changes it. */
    public SubmitApplicationRequest prefilled(se.stegvis.application.domain.Application last) {
        var household = last.household();
        var costs = last.costs();
        Map<String, Long> incomes = new java.util.LinkedHashMap<>();
        Map<String, IncomeKind> kinds = new java.util.LinkedHashMap<>();
        for (ApplicationIncome income : last.getIncomes()) {
            incomes.put(income.getName(), income.getAmount());
            if (income.getKind() != IncomeKind.OTHER) {
                kinds.put(income.getName(), income.getKind());
            }
        }
        var client = last.getClient();
        SubmitApplicationRequest.PayoutAccount account = client.getAccountHolder() == null ? null
                : new SubmitApplicationRequest.PayoutAccount(client.getAccountHolder(), client.getIban(),
                        client.getBankClearing(), client.getBankAccount());
        return new SubmitApplicationRequest(client.getPersonnummer().formatted(), last.getCoApplicantPersonnummer(),
                last.getMonth().plusMonths(1).toString(), ApplicationKind.ATERANSOKAN, household.adults(), null,
                household.children().stream().map(c -> new TrialCalculationRequest.Child(c.age(), c.lunchAtHome()))
                        .toList(),
                household.othersSharingHome(),
                new TrialCalculationRequest.Costs(costs.housing(), costs.electricity(),
                        costs.workTravel(), costs.homeInsurance(), costs.unionAndUnemploymentFund()),
                incomes, kinds, null, account, client.getUnit(), null, last.getLawfulResidence(),
                last.isSecondHandLet() ? Boolean.TRUE : null, last.getSecondHandLetConsent());
    }

    Personnummer personnummer(String value, String field) {
        try {
            return Personnummer.parse(value, clock);
        } catch (InvalidPersonnummerException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }

    static YearMonth parseMonth(String value, String field) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidRequestException(field, "Månaden skrivs ÅÅÅÅ-MM, t.ex. 2026-12.");
        }
    }
}
