package se.stegvis.norm.domain;

import java.time.YearMonth;

/** The rule each line of a calculation comes from, with the text shown to caseworkers and citizens. */
public enum NormRule {
    PERSONAL_COSTS("Riksnorm, personliga kostnader (%s)"),
    CHILD_WITHOUT_LUNCH_AT_HOME("Riksnorm: lägre belopp för barn 0–6 år som inte äter lunch hemma alla vardagar (%s)"),
    COUPLE("Riksnorm: makar och sambor får ett gemensamt belopp (%s)"),
    SCHOOL_YOUTH("Riksnorm: hemmavarande skolungdom 19–20 år"),
    HOUSEHOLD_COSTS("Riksnorm, gemensamma hushållskostnader efter antal personer"),
    LARGE_HOUSEHOLD("Riksnorm: fler än 7 personer, skillnaden mellan 7 och 6 personer läggs till per extra person"),
    LARGE_FAMILY_LIMIT("Begränsning för stora hushåll från det fjärde barnet (prop. 2025/26:201, från 2027-01;"
            + " beslutstabellen storhushall-begransning – bekräfta mot SFS)"),
    SHARED_HOME("Delad bostad: gemensamma kostnader för hela bostaden, fördelade på de sökande per person"),
    HOUSING("Skälig boendekostnad, högst kommunens tak för hushållets storlek"),
    SECOND_HAND_LET_WITHOUT_CONSENT("Boendekostnad för en bostad i andra hand godtas bara med samtycke från hyresvärden,"
            + " bostadsrättsföreningen eller hyresnämnden (prop. 2025/26:201, från 2027-01; beslutstabellen"
            + " andrahandsuthyrning – bekräfta mot SFS)"),
    ELECTRICITY("Skälig kostnad: hushållsel"),
    WORK_TRAVEL("Skälig kostnad: resor till och från arbetet"),
    HOME_INSURANCE("Skälig kostnad: hemförsäkring"),
    UNION_AND_UNEMPLOYMENT_FUND("Skälig kostnad: avgift till fackförening och arbetslöshetskassa"),
    INCOME("Inkomster räknas av"),
    CHILD_WORK_INCOME_EXEMPT("Barns och skolungdoms egen arbetsinkomst räknas inte upp till ett prisbasbelopp per år"),
    JOBBSTIMULANS("Jobbstimulans: efter 6 månader i följd med försörjningsstöd räknas 25 % av arbetsinkomsten inte, i 2 år"),
    ADJUSTMENT("Justering beslutad i ärendet"),
    EMERGENCY_AID_ONLY("Endast nödbistånd: den som inte vistas lagligt i Sverige har rätt till bistånd bara i en akut"
            + " nödsituation (prop. 2025/26:201, från 2027-01; beslutstabellen laglig-vistelse – bekräfta mot SFS)");

    /** The new socialtjänstförordning carries the riksnorm for months from this one. */
    public static final YearMonth NEW_ORDINANCE_FROM = YearMonth.of(2025, 7);

    private final String text;

    NormRule(String text) {
        this.text = text;
    }

    /**
     * The rule in Swedish as shown on a line of a calculation for {@code month}: where it cites the riksnorm's
     * paragraph, the one in force for the month (socialtjänstförordningen (2025:468) 12 kap. 2 § from July 2025,
     * socialtjänstförordningen (2001:937) 2 kap. 1 § before).
     */
    public String text(YearMonth month) {
        return text.contains("%s") ? text.formatted(riksnormParagraph(month)) : text;
    }

    /** The paragraph that gives the riksnorm's amounts for {@code month}. */
    public static String riksnormParagraph(YearMonth month) {
        return month.isBefore(NEW_ORDINANCE_FROM) ? "socialtjänstförordningen (2001:937) 2 kap. 1 §"
                : "socialtjänstförordningen (2025:468) 12 kap. 2 §";
    }
}
