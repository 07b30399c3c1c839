package se.stegvis.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import se.stegvis.config.TimeConfig;

/**
 * Two small tables derived from the applications and decisions, so that the key figures of a year at a nation's
 * volume read a few hundred thousand narrow rows instead of joining millions (docs/nyckeltal.md):
 * <ul>
 *   <li>{@code figure_household_year}: per client and calendar year, the persons of the household in each month it
 *       had assistance ({@code p01}–{@code p12}, 0 when it had none) — "Bistånd" and the return to assistance;</li>
 *   <li>{@code figure_decision}: per decision, when it was made, whether it was the application's first and attested,
 *       and for first decisions the days from the complete application, whether in time and whether a komplettering
 *       was asked for — "Handläggning";</li>
 *   <li>{@code figure_payment_year}: per client and calendar year, the confirmed payments of each month — "Utbetalt".</li>
 * </ul>
 * Both are computed here by the figures' own definitions from the source tables, and only from them: for the
 * applications a transaction touched ({@link #refresh}, kept up to date by {@link FigureFactsListener} whenever a
 * decision, a komplettering request, an application's dates or a payment's state are written), or all at once ({@link #rebuild}: the
 * migration, and data written with plain SQL). They hold no personal data.
 */
public final class FigureFacts {

    private static final ZoneId ZONE = TimeConfig.SWEDEN;

    private FigureFacts() {}

    /** A client's payments of a calendar year. */
    public record ClientYear(UUID clientId, int year) {}

    /**
     * Recomputes the facts of these applications (their decisions, and their clients' years) and of these clients'
     * payments in these years.
     */
    public static void refresh(Connection c, Collection<UUID> applicationIds, Collection<ClientYear> payments)
            throws SQLException {
        refresh(c, applicationIds, payments, List.of(), List.of(), List.of());
    }

    /**
     * As {@link #refresh(Connection, Collection, Collection, Collection, Collection, Collection)} without journeys.
     */
    public static void refresh(Connection c, Collection<UUID> applicationIds, Collection<ClientYear> payments,
                               Collection<UUID> movedClients) throws SQLException {
        refresh(c, applicationIds, payments, movedClients, List.of(), List.of());
    }

    /**
     * As {@link #refresh(Connection, Collection, Collection, Collection, Collection, Collection, Collection)} without
     * step assessments.
     */
    public static void refresh(Connection c, Collection<UUID> applicationIds, Collection<ClientYear> payments,
                               Collection<UUID> movedClients, Collection<UUID> journeys, Collection<UUID> plans)
            throws SQLException {
        refresh(c, applicationIds, payments, movedClients, journeys, plans, List.of());
    }

    /**
     * Recomputes the facts of these applications and payment years, of these journeys (and of the journeys of these
     * plans), of the step assessments of the clients of {@code assessedJourneys} (journeys whose assessments were
     * written) and of these follow-up conversations, and moves the facts of {@code movedClients} (clients whose unit changed) to their clients' units of
     * now. The facts per month and unit take each change as the difference of the contributions before and after,
     * written once at the end in key order ({@link Totals}).
     */
    public static void refresh(Connection c, Collection<UUID> applicationIds, Collection<ClientYear> payments,
                               Collection<UUID> movedClients, Collection<UUID> journeys, Collection<UUID> plans,
                               Collection<UUID> assessedJourneys) throws SQLException {
        refresh(c, applicationIds, payments, movedClients, journeys, plans, assessedJourneys, List.of());
    }

    /**
     * As {@link #refresh(Connection, Collection, Collection, Collection, Collection, Collection, Collection)}, and
     * recomputes the facts of these follow-up conversations ({@code followUps}: their task ids).
     */
    public static void refresh(Connection c, Collection<UUID> applicationIds, Collection<ClientYear> payments,
                               Collection<UUID> movedClients, Collection<UUID> journeys, Collection<UUID> plans,
                               Collection<UUID> assessedJourneys, Collection<String> followUps) throws SQLException {
        SqlDialect dialect = SqlDialect.of(c);
        Totals phaseMonths = JourneyPhases.totals();
        Totals decisionMonths = DecisionMonths.totals();
        Totals householdMonths = ClientMonths.households();
        Totals paymentMonths = ClientMonths.payments();
        if (!movedClients.isEmpty()) {
            String in = String.join(", ", Collections.nCopies(movedClients.size(), "?"));
            List<Object> ids = new ArrayList<>(movedClients);
            DecisionMonths.add(c, decisionMonths, -1, "f.client_id in (" + in + ")", ids);
            moveToUnitOfNow(c, "figure_decision", in, ids);
            DecisionMonths.add(c, decisionMonths, 1, "f.client_id in (" + in + ")", ids);
            JourneyPhases.move(c, phaseMonths, in, ids);
            moveToUnitOfNow(c, "figure_step", in, ids);
            moveToUnitOfNow(c, "figure_follow_up", in, ids);
        }
        StepFacts.refresh(c, new TreeSet<>(assessedJourneys));
        FollowUpFacts.refresh(c, new TreeSet<>(followUps));
        Set<UUID> touchedJourneys = new TreeSet<>(journeys);
        if (!plans.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("select journey_id from individual_plan where id in ("
                    + String.join(", ", Collections.nCopies(plans.size(), "?")) + ")")) {
                bind(ps, new ArrayList<>(plans));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        touchedJourneys.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        }
        JourneyPhases.refresh(c, dialect, phaseMonths, touchedJourneys);

        Map<UUID, Set<Integer>> paymentYears = new TreeMap<>();
        payments.forEach(p -> paymentYears.computeIfAbsent(p.clientId(), k -> new TreeSet<>()).add(p.year()));
        movedClients.forEach(client -> paymentYears.computeIfAbsent(client, k -> new TreeSet<>()));
        for (Map.Entry<UUID, Set<Integer>> client : paymentYears.entrySet()) {
            ClientMonths.addPayments(paymentMonths, ClientMonths.read(c, "figure_payment_year", client.getKey()), -1);
            for (int year : client.getValue()) {
                List<Object> key = List.of(client.getKey(), year);
                update(c, "delete from figure_payment_year where client_id = ? and for_year = ?", key);
                update(c, insertPaymentYears(" and p.client_id = ? and p.payment_date >= ? and p.payment_date <= ?"),
                        List.of(client.getKey(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            }
            update(c, "update figure_payment_year set unit = " + UNIT_OF.formatted("figure_payment_year.client_id")
                    + " where client_id = ?", List.of(client.getKey()));
            ClientMonths.addPayments(paymentMonths, ClientMonths.read(c, "figure_payment_year", client.getKey()), 1);
        }

        Map<UUID, Set<Integer>> householdYears = new TreeMap<>();
        movedClients.forEach(client -> householdYears.computeIfAbsent(client, k -> new TreeSet<>()));
        if (!applicationIds.isEmpty()) {
            String in = String.join(", ", Collections.nCopies(applicationIds.size(), "?"));
            List<Object> ids = new ArrayList<>(applicationIds);
            DecisionMonths.add(c, decisionMonths, -1, "f.application_id in (" + in + ")", ids);
            update(c, "delete from figure_decision where application_id in (" + in + ")", ids);
            update(c, insertDecisions(dialect) + " where a.id in (" + in + ")", ids);
            DecisionMonths.add(c, decisionMonths, 1, "f.application_id in (" + in + ")", ids);
            try (PreparedStatement ps = c.prepareStatement("select client_id, substring(for_month, 1, 4) from application"
                    + " where id in (" + in + ")")) {
                bind(ps, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        householdYears.computeIfAbsent(rs.getObject(1, UUID.class), k -> new TreeSet<>())
                                .add(Integer.parseInt(rs.getString(2)));
                    }
                }
            }
        }
        for (Map.Entry<UUID, Set<Integer>> client : householdYears.entrySet()) {
            ClientMonths.addHouseholds(householdMonths, ClientMonths.read(c, "figure_household_year", client.getKey()),
                    -1);
            for (int year : client.getValue()) {
                List<Object> key = List.of(client.getKey(), year);
                update(c, "delete from figure_household_year where client_id = ? and for_year = ?", key);
                update(c, insertHouseholdYears(" and a.client_id = ? and a.for_month >= ? and a.for_month <= ?"),
                        List.of(client.getKey(), year + "-01", year + "-12"));
            }
            update(c, "update figure_household_year set unit = " + UNIT_OF.formatted("figure_household_year.client_id")
                    + " where client_id = ?", List.of(client.getKey()));
            ClientMonths.addHouseholds(householdMonths, ClientMonths.read(c, "figure_household_year", client.getKey()),
                    1);
        }
        phaseMonths.write(c, dialect);
        decisionMonths.write(c, dialect);
        householdMonths.write(c, dialect);
        paymentMonths.write(c, dialect);
    }

    /** The unit of now of the client {@code %s}, '' for none: the unit the facts per unit count the client in. */
    private static final String UNIT_OF = "coalesce((select u.unit from client u where u.id = %s), '')";

    /** Gives the rows of {@code table} of these clients ({@code in}: {@code ?, ?, …}) their client's unit of now. */
    private static void moveToUnitOfNow(Connection c, String table, String in, List<Object> clients)
            throws SQLException {
        update(c, "update " + table + " set unit = " + UNIT_OF.formatted(table + ".client_id")
                + " where client_id in (" + in + ")", clients);
    }

    /** Recomputes every fact from the source tables. */
    public static void rebuild(Connection c) throws SQLException {
        SqlDialect dialect = SqlDialect.of(c);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("delete from figure_decision");
            s.executeUpdate(insertDecisions(dialect));
            s.executeUpdate("delete from figure_decision_month");
            s.executeUpdate(DecisionMonths.insertAll());
            s.executeUpdate("delete from figure_household_year");
            s.executeUpdate(insertHouseholdYears(""));
            s.executeUpdate("update figure_household_year set unit = " + UNIT_OF.formatted("figure_household_year.client_id"));
            s.executeUpdate("delete from figure_payment_year");
            s.executeUpdate(insertPaymentYears(""));
            s.executeUpdate("update figure_payment_year set unit = " + UNIT_OF.formatted("figure_payment_year.client_id"));
            s.executeUpdate("delete from figure_household_month");
            s.executeUpdate("delete from figure_payment_month");
        }
        JourneyPhases.rebuild(c, dialect);
        StepFacts.rebuild(c);
        FollowUpFacts.rebuild(c);
        Totals households = ClientMonths.households();
        ClientMonths.addAll(c, "figure_household_year", households);
        households.write(c, dialect);
        Totals payments = ClientMonths.payments();
        ClientMonths.addAll(c, "figure_payment_year", payments);
        payments.write(c, dialect);
    }

    /** Confirmed payments (BEKRAFTAD) per client, calendar year and month of the payment date, kronor. */
    private static String insertPaymentYears(String filter) {
        StringBuilder months = new StringBuilder();
        for (int m = 1; m <= 12; m++) {
            months.append(", sum(case when extract(month from p.payment_date) = %d then p.amount else 0 end)".formatted(m));
        }
        return "insert into figure_payment_year (client_id, for_year, a01, a02, a03, a04, a05, a06, a07, a08, a09, a10,"
                + " a11, a12) select p.client_id, cast(extract(year from p.payment_date) as integer)" + months
                + " from payment p where p.status = 'BEKRAFTAD'" + filter
                + " group by p.client_id, cast(extract(year from p.payment_date) as integer)";
    }

    /** Every decision of the selected applications (append a {@code where} on {@code a}). */
    private static String insertDecisions(SqlDialect dialect) {
        String decided = dialect.localDate("d.decided_at", ZONE);
        String complete = dialect.localDate("coalesce(a.complete_at, a.submitted_at)", ZONE);
        return """
                insert into figure_decision (decision_id, application_id, client_id, decided_at, first_decision,
                                             attested, days_to_decision, in_time, with_supplement, decided_month, unit)
                select d.id, a.id, a.client_id, d.decided_at, x.first_decision, d.approver is not null,
                       case when x.first_decision then %1$s end,
                       case when x.first_decision then
                         case when a.investigation_due is not null and %2$s <= a.investigation_due then true else false end
                       end,
                       case when x.first_decision then
                         case when exists (select 1 from supplement_request s where s.application_id = a.id)
                              then true else false end
                       end,
                       cast(extract(year from %3$s) * 12 + extract(month from %3$s) as integer),
                       coalesce(cl.unit, '')
                from decision d
                join application a on a.id = d.application_id
                join client cl on cl.id = a.client_id
                join (select e.id, case when exists (select 1 from decision f where f.application_id = e.application_id
                                                     and f.decided_at < e.decided_at) then false else true end
                             as first_decision
                      from decision e) x on x.id = d.id
                """.formatted(dialect.daysBetween(complete, decided), decided, decided);
    }

    /**
     * The households with assistance (docs/nyckeltal.md, terms) per client and year: for each month, the persons of
     * the client's non-supplementary application whose latest decision grants an amount (the largest household if
     * there were two). {@code filter} narrows the applications ({@code a}).
     */
    private static String insertHouseholdYears(String filter) {
        StringBuilder months = new StringBuilder();
        for (int m = 1; m <= 12; m++) {
            months.append(", max(case when substring(h.for_month, 6, 2) = '%02d' then h.persons else 0 end)".formatted(m));
        }
        return "insert into figure_household_year (client_id, for_year, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10,"
                + " p11, p12) select h.client_id, cast(substring(h.for_month, 1, 4) as integer)" + months + """
                 from (select a.client_id, a.for_month,
                              a.adults + case when a.children_ages = '' then 0
                                  else char_length(a.children_ages) - char_length(replace(a.children_ages, ',', '')) + 1
                              end as persons
                       from application a
                       join decision d on d.application_id = a.id
                       where a.kind <> 'TILLAGGSANSOKAN' and d.amount > 0
                         and not exists (select 1 from decision l where l.application_id = a.id
                                         and l.decided_at > d.decided_at)""" + filter + """
                      ) h
                 group by h.client_id, cast(substring(h.for_month, 1, 4) as integer)
                """;
    }

    /** Runs one statement with its parameters; returns the number of rows it changed. */
    static int update(Connection c, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, parameters);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            ps.setObject(i + 1, parameters.get(i));
        }
    }
}
