package se.stegvis.norm.domain;

/** The rule each line of a calculation comes from, with the text shown to caseworkers and citizens. */
public enum NormRule {
    PERSONAL_COSTS("Riksnorm, personliga kostnader (socialtjänstförordningen 2 kap. 1 §)"),
    COUPLE("Riksnorm: makar och sambor får ett gemensamt belopp"),
    SCHOOL_YOUTH("Riksnorm: hemmavarande skolungdom 19–20 år"),
    HOUSEHOLD_COSTS("Riksnorm, gemensamma hushållskostnader efter antal personer"),
    LARGE_HOUSEHOLD("Riksnorm: fler än 7 personer, skillnaden mellan 7 och 6 personer läggs till per extra person"),
    SHARED_HOME("Delad bostad: gemensamma kostnader för hela bostaden, fördelade på de sökande per person"),
    HOUSING("Skälig boendekostnad, högst kommunens tak för hushållets storlek"),
    ELECTRICITY("Skälig kostnad: hushållsel"),
    WORK_TRAVEL("Skälig kostnad: resor till och från arbetet"),
    HOME_INSURANCE("Skälig kostnad: hemförsäkring"),
    UNION_AND_UNEMPLOYMENT_FUND("Skälig kostnad: avgift till fackförening och arbetslöshetskassa"),
    INCOME("Inkomster räknas av"),
    CHILD_WORK_INCOME_EXEMPT("Barns och skolungdoms egen arbetsinkomst räknas inte upp till ett prisbasbelopp per år"),
    JOBBSTIMULANS("Jobbstimulans: efter 6 månader i följd med försörjningsstöd räknas 25 % av arbetsinkomsten inte, i 2 år"),
    ADJUSTMENT("Justering beslutad i ärendet");

    private final String text;

    NormRule(String text) {
        this.text = text;
    }

    /** The rule in Swedish, as shown on a line. */
    public String text() {
        return text;
    }
}
