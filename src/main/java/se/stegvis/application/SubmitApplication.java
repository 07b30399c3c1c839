package se.stegvis.application;

import java.time.YearMonth;
import java.util.List;
import se.stegvis.application.domain.ApplicationIncome;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ExtraNeedKind;
import se.stegvis.client.domain.Personnummer;
import se.stegvis.norm.domain.Household;
import se.stegvis.norm.domain.LawfulResidence;
import se.stegvis.norm.domain.ReasonableCosts;

/** A validated application as the e-service or a caseworker submits it. */
public record SubmitApplication(
        Personnummer applicant,
        Personnummer coApplicant,
        YearMonth month,
        ApplicationKind kind,
        Household household,
        ReasonableCosts costs,
        List<ApplicationIncome> incomes,
        String extraNeedDescription,
        long extraNeedAmount,
        PayoutAccount payoutAccount,
        String unit,
        /** The e-service says the person has protected identity: the client becomes protected (never the reverse). */
        boolean protectedIdentity,
        /** What a tilläggsansökan applies for; null for other kinds. */
        ExtraNeedKind extraNeedKind,
        /** Whether the applicant is lawfully resident in Sweden; null = not recorded. */
        LawfulResidence lawfulResidence,
        /** The home is let in the second hand. */
        boolean secondHandLet,
        /** For a second-hand let: whether the landlord, the bostadsrättsförening or the hyresnämnd consented. */
        Boolean secondHandLetConsent) {

    /** Without the rules of 2027 (residence, second-hand let, the kind of extra need). */
    public SubmitApplication(Personnummer applicant, Personnummer coApplicant, YearMonth month, ApplicationKind kind,
                             Household household, ReasonableCosts costs, List<ApplicationIncome> incomes,
                             String extraNeedDescription, long extraNeedAmount, PayoutAccount payoutAccount,
                             String unit, boolean protectedIdentity) {
        this(applicant, coApplicant, month, kind, household, costs, incomes, extraNeedDescription, extraNeedAmount,
                payoutAccount, unit, protectedIdentity, extraNeedDescription == null ? null
                        : ExtraNeedKind.OTHER_LIVING_COSTS, null, false, null);
    }

    /** Without the protected-identity flag. */
    public SubmitApplication(Personnummer applicant, Personnummer coApplicant, YearMonth month, ApplicationKind kind,
                             Household household, ReasonableCosts costs, List<ApplicationIncome> incomes,
                             String extraNeedDescription, long extraNeedAmount, PayoutAccount payoutAccount,
                             String unit) {
        this(applicant, coApplicant, month, kind, household, costs, incomes, extraNeedDescription, extraNeedAmount,
                payoutAccount, unit, false);
    }

    /** Without a unit: the client keeps theirs, or gets the default unit. */
    public SubmitApplication(Personnummer applicant, Personnummer coApplicant, YearMonth month, ApplicationKind kind,
                             Household household, ReasonableCosts costs, List<ApplicationIncome> incomes,
                             String extraNeedDescription, long extraNeedAmount, PayoutAccount payoutAccount) {
        this(applicant, coApplicant, month, kind, household, costs, incomes, extraNeedDescription, extraNeedAmount,
                payoutAccount, null);
    }

    /** A checked payout account: an IBAN, or a Swedish clearing and account number. */
    public record PayoutAccount(String accountHolder, String iban, String clearingNumber, String accountNumber) {}
}
