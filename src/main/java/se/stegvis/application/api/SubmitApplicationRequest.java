package se.stegvis.application.api;

import static se.stegvis.norm.api.TrialCalculationRequest.AMOUNT_NOT_NEGATIVE;
import static se.stegvis.norm.api.TrialCalculationRequest.AMOUNT_TOO_LARGE;
import static se.stegvis.norm.api.TrialCalculationRequest.MAX_AMOUNT;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ExtraNeedKind;
import se.stegvis.norm.api.TrialCalculationRequest;
import se.stegvis.norm.domain.IncomeKind;
import se.stegvis.norm.domain.LawfulResidence;

/**
 * {@code POST /api/ansokningar}: an application from the citizens' e-service (or a caseworker's tool). Household,
 * costs and incomes have the shape of the public trial calculation; {@code incomeKinds} may say how a named income
 * counts (EMPLOYMENT for jobbstimulans, CHILD_WORK for a child's exempt work income; default OTHER). The children are
 * given either as {@code childrenAges} (all eat lunch at home) or as {@code children} with each child's
 * {@code lunchAtHome}, never both.
 */
public record SubmitApplicationRequest(
        @NotBlank(message = "Ange personnummer eller samordningsnummer.") String personnummer,
        String coApplicantPersonnummer,
        @NotBlank(message = "Ange månaden ansökan gäller (ÅÅÅÅ-MM).")
        @Pattern(regexp = "\\d{4}-\\d{2}", message = "Månaden skrivs ÅÅÅÅ-MM, t.ex. 2026-12.") String month,
        @NotNull(message = "Ange typ av ansökan: NYANSOKAN, ATERANSOKAN eller TILLAGGSANSOKAN.") ApplicationKind kind,
        @NotNull(message = "Ange antal vuxna: 1 (ensamstående) eller 2 (makar eller sambor).")
        @Min(value = 1, message = "Antal vuxna måste vara 1 (ensamstående) eller 2 (makar eller sambor).")
        @Max(value = 2, message = "Antal vuxna måste vara 1 (ensamstående) eller 2 (makar eller sambor).")
        Integer adults,
        @Size(max = 20, message = "Högst 20 barn.")
        List<@NotNull(message = "Ange barnets ålder.")
                @Min(value = 0, message = "Barnets ålder måste vara 0–20 år.")
                @Max(value = 20, message = "Barnets ålder måste vara 0–20 år.") Integer> childrenAges,
        @Size(max = 20, message = "Högst 20 barn.")
        List<TrialCalculationRequest.@NotNull(message = "Ange barnet.") @Valid Child> children,
        @PositiveOrZero(message = "Får inte vara negativt.")
        @Max(value = 30, message = "Högst 30 andra personer.") Integer othersSharingHousehold,
        @Valid TrialCalculationRequest.Costs costs,
        @Size(max = 20, message = "Högst 20 inkomster.")
        Map<@NotBlank(message = "Inkomsten behöver ett namn.")
                @Size(max = 60, message = "Inkomstens namn får vara högst 60 tecken.") String,
                @NotNull(message = "Ange ett belopp.") @PositiveOrZero(message = AMOUNT_NOT_NEGATIVE)
                @Max(value = MAX_AMOUNT, message = AMOUNT_TOO_LARGE) Long> incomes,
        Map<String, IncomeKind> incomeKinds,
        @Valid ExtraNeed extraNeed,
        @Valid PayoutAccount payoutAccount,
        String enhet,
        /**
         * The e-service says the person has protected identity (skyddad identitet): the client is protected from now
         * on, and all their tasks go to the group skyddad. Only true counts: protection is lifted by that group alone.
         */
        Boolean skyddadIdentitet,
        /**
         * Whether the applicant is lawfully resident in Sweden: JA, NEJ or EJ_KANT (not yet known; also when left
         * out). From 2027-01, NEJ gives a decision on nödbistånd only (decision table laglig-vistelse).
         */
        LawfulResidence lawfulResidence,
        /** The home is let in the second hand (andrahandsuthyrning); default false. */
        Boolean secondHandLet,
        /**
         * Required for a second-hand let, refused otherwise: whether the landlord, the bostadsrättsförening or the
         * hyresnämnd has consented. From 2027-01 no housing cost is counted without it (decision andrahandsuthyrning).
         */
        Boolean secondHandLetConsent) {

    /** Without the rules of 2027 (residence and second-hand let). */
    public SubmitApplicationRequest(String personnummer, String coApplicantPersonnummer, String month,
                                    ApplicationKind kind, Integer adults, List<Integer> childrenAges,
                                    List<TrialCalculationRequest.Child> children, Integer othersSharingHousehold,
                                    TrialCalculationRequest.Costs costs, Map<String, Long> incomes,
                                    Map<String, IncomeKind> incomeKinds, ExtraNeed extraNeed,
                                    PayoutAccount payoutAccount, String enhet, Boolean skyddadIdentitet) {
        this(personnummer, coApplicantPersonnummer, month, kind, adults, childrenAges, children, othersSharingHousehold,
                costs, incomes, incomeKinds, extraNeed, payoutAccount, enhet, skyddadIdentitet, null, null, null);
    }

    /** Without the protected-identity flag. */
    public SubmitApplicationRequest(String personnummer, String coApplicantPersonnummer, String month,
                                    ApplicationKind kind, Integer adults, List<Integer> childrenAges,
                                    List<TrialCalculationRequest.Child> children, Integer othersSharingHousehold,
                                    TrialCalculationRequest.Costs costs, Map<String, Long> incomes,
                                    Map<String, IncomeKind> incomeKinds, ExtraNeed extraNeed,
                                    PayoutAccount payoutAccount, String enhet) {
        this(personnummer, coApplicantPersonnummer, month, kind, adults, childrenAges, children, othersSharingHousehold,
                costs, incomes, incomeKinds, extraNeed, payoutAccount, enhet, null);
    }

    /** Without a unit (enhet): the client keeps theirs, or gets the default unit (stegvis.units.default-unit). */
    public SubmitApplicationRequest(String personnummer, String coApplicantPersonnummer, String month,
                                    ApplicationKind kind, Integer adults, List<Integer> childrenAges,
                                    Integer othersSharingHousehold, TrialCalculationRequest.Costs costs,
                                    Map<String, Long> incomes, Map<String, IncomeKind> incomeKinds,
                                    ExtraNeed extraNeed, PayoutAccount payoutAccount) {
        this(personnummer, coApplicantPersonnummer, month, kind, adults, childrenAges, null, othersSharingHousehold,
                costs, incomes, incomeKinds, extraNeed, payoutAccount, null);
    }

    /** Where the assistance is paid: an IBAN, or a Swedish clearing and account number. */
    public record PayoutAccount(
            @NotBlank(message = "Ange kontohavarens namn.") @Size(max = 70, message = "Högst 70 tecken.") String accountHolder,
            @Size(max = 34, message = "Högst 34 tecken.") String iban,
            @Pattern(regexp = "\\d{4,5}", message = "Clearingnumret har 4 eller 5 siffror.") String clearingNumber,
            @Pattern(regexp = "\\d{1,15}", message = "Kontonumret har högst 15 siffror.") String accountNumber) {}

    /**
     * What a tilläggsansökan applies for: a cost of living beyond the norm ({@code OTHER_LIVING_COSTS}, the default:
     * dental care, glasses …) or a supplement to the norm items ({@code NORM_SUPPLEMENT}, e.g. costlier food), which
     * is refused for a month where the riksnorm is a ceiling (from 2027-01, decision riksnorm-tak).
     */
    public record ExtraNeed(
            @NotBlank(message = "Beskriv behovet, t.ex. akut tandvård.")
            @Size(max = 500, message = "Högst 500 tecken.") String description,
            @NotNull(message = "Ange ett belopp.")
            @Min(value = 1, message = "Beloppet ska vara minst 1 kr.")
            @Max(value = MAX_AMOUNT, message = AMOUNT_TOO_LARGE) Long amount,
            ExtraNeedKind kind) {

        /** A cost of living beyond the norm. */
        public ExtraNeed(String description, Long amount) {
            this(description, amount, null);
        }
    }
}
