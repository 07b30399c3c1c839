package se.stegvis.identity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The groups Stegvis knows, as Camunda group ids. Candidate groups in the models use these ids. */
public final class StegvisGroups {

    public static final String HANDLAGGARE = "handlaggare";
    public static final String COACH = "coach";
    public static final String TEAMLEDARE = "teamledare";
    public static final String PROCESSAGARE = "processagare";
    public static final String CHEF = "chef";
    public static final String ETJANST = "etjanst";
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    /** Caseworkers designated for clients with protected identity (skyddad identitet). */
    public static final String SKYDDAD_IDENTITET = "skyddad";
    /** Reviewers of the access log (åtkomstlogg): who read which client's data, nothing of the data itself. */
    public static final String LOGGRANSKARE = "loggranskare";
    /** The payment role: makes (releases) and downloads the bank's payment files (#12). */
    public static final String UTBETALNING = "utbetalning";
    /** The bank integration's technical client: registers the bank's confirmations (#12). */
    public static final String BANKINTEGRATION = "bankintegration";
    /**
     * Arbetsförmedlingen's integration: its technical client delivers AF's notices that a programme participant risks
     * too little occupation (#11); nothing else.
     */
    public static final String AFINTEGRATION = "afintegration";
    /** Monitoring (Prometheus): reads /actuator/prometheus and nothing else — no case data, no webapp. */
    public static final String OVERVAKNING = "overvakning";

    /** Prefix of the unit groups (one per name of stegvis.units.names): {@code enhet-hageby}. */
    public static final String UNIT_GROUP_PREFIX = "enhet-";

    /**
     * The unit groups made so far, by unit name. Every task query for a case-work role widens it to the role within
     * each configured unit (UnitCandidateGroupQueries): at national scale 300 units, each name normalised by three
     * regular expressions, twice in every Tasklist list. The names are the configured units and the clients' units,
     * a small set; past {@link #REMEMBERED_UNITS} names nothing more is remembered.
     */
    private static final Map<String, String> UNIT_GROUPS = new ConcurrentHashMap<>();
    private static final int REMEMBERED_UNITS = 10_000;

    /** The group of a unit: {@code enhet-} + the name in lower case, without diacritics, other characters as '-'. */
    public static String unitGroup(String unit) {
        String group = UNIT_GROUPS.get(unit);
        if (group == null) {
            String plain = java.text.Normalizer.normalize(unit.strip(), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            group = UNIT_GROUP_PREFIX + plain;
            if (UNIT_GROUPS.size() < REMEMBERED_UNITS) {
                UNIT_GROUPS.put(unit, group);
            }
        }
        return group;
    }

    /**
     * The group that holds a case-work role within one unit: {@code handlaggare-hageby}. The engine grants a task of a
     * client of Hageby to it instead of to {@code handlaggare}; nobody is a member of it in the database — the engine's
     * identity provider counts a user in when they have the role and the unit, or the role and no unit at all
     * ({@link UnitRoleGroups}).
     */
    public static String unitRoleGroup(String role, String unit) {
        return role + "-" + unitGroup(unit).substring(UNIT_GROUP_PREFIX.length());
    }

    /** Group id with its display name, as shown in Camunda Admin. */
    public record Group(String id, String name, String type) {}

    public static final List<Group> ALL = List.of(
            new Group(HANDLAGGARE, "Handläggare", "WORKFLOW"),
            new Group(COACH, "Coacher", "WORKFLOW"),
            new Group(TEAMLEDARE, "Teamledare", "WORKFLOW"),
            new Group(PROCESSAGARE, "Processägare", "WORKFLOW"),
            new Group(CHEF, "Chefer", "WORKFLOW"),
            new Group(ETJANST, "E-tjänsten (teknisk klient)", "SYSTEM"),
            new Group(CAMUNDA_ADMIN, "Systemadministratörer", "SYSTEM"),
            new Group(SKYDDAD_IDENTITET, "Handläggare för skyddade personuppgifter", "WORKFLOW"),
            new Group(LOGGRANSKARE, "Loggranskare", "WORKFLOW"),
            new Group(UTBETALNING, "Utbetalning", "WORKFLOW"),
            new Group(BANKINTEGRATION, "Bankintegration (teknisk klient)", "SYSTEM"),
            new Group(AFINTEGRATION, "Arbetsförmedlingens integration (teknisk klient)", "SYSTEM"),
            new Group(OVERVAKNING, "Övervakning (endast mätvärden)", "SYSTEM"));

    /** Groups whose members work with tasks in Tasklist. */
    public static final List<String> CASE_WORK = List.of(HANDLAGGARE, COACH, TEAMLEDARE, SKYDDAD_IDENTITET);

    private StegvisGroups() {}
}
