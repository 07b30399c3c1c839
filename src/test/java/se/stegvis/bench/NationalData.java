package se.stegvis.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import se.stegvis.metrics.FigureFacts;

/**
 * Stegvis' own tables at a nation's volume, written straight into PostgreSQL (COPY for the clients, INSERT … SELECT
 * over generate_series for the rest): what the engine's API would take days to produce. The rows are what the
 * application writes — the same columns, states and references — with synthetic values: a year (2025) of monthly
 * applications with their calculation, warnings, komplettering requests, decisions, payments and appeals, and client
 * journeys with mappings, plans, placements, attendance, step assessments, follow-up conversations, exits and
 * six-month follow-ups in proportion. Personnummer are samordningsnummer of the 1890s ({@link StegvisTarget}).
 * Deterministic: the same size gives the same rows ({@code hashtext} of the row's number, no random()).
 *
 * <p>Proportions, per client: an application in 94 % of the months (≈ {@code clients × 0.94} households a month),
 * 3 % of them with a tilläggsansökan beside; 10 % refused, 8 % attested; six calculation lines each; 10 % with a
 * komplettering, 5 % with a warning; one appeal in 300 decisions. Two clients in five have a journey (started from
 * June 2024 on), mapped after one to three weeks, a plan agreed ten days later (nine in ten), one or two placements,
 * an assessment and a follow-up conversation every four weeks, and an exit for a third.
 */
final class NationalData {

    static final String[] UNITS = {"Centrum", "Hageby", "Navestad", "Skärblacka"};
    private static final String[] PLACEMENT_TYPES = {"PRAKTIK", "ARBETSTRANING", "SFI", "ANSTALLNING_MED_STOD_LONEBIDRAG",
            "STUDIER", "NYSTARTSJOBB", "SVA", "KOMBINATIONSUTBILDNING", "INTRODUKTIONSJOBB", "HALSA_REHAB", "PRAKTIK"};

    private final int clients;

    /** @param clients clients (households) of the municipality; about 94 % of them apply in a month */
    NationalData(int clients) {
        this.clients = clients;
    }

    /** Writes everything and returns the rows per table. */
    Map<String, Long> write(Connection c) throws SQLException, IOException {
        c.setAutoCommit(true);
        copyClients(c);
        try (Statement s = c.createStatement()) {
            for (String sql : statements()) {
                s.execute(sql);
            }
        }
        // The key figures' facts, as the application keeps them on every write it makes itself.
        FigureFacts.rebuild(c);
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : new String[] {"client", "application", "application_income", "calculation_line",
                "application_warning", "supplement_request", "decision", "payment", "appeal", "client_journey",
                "journey_mapping", "individual_plan", "plan_version", "placement", "placement_attendance",
                "step_assessment", "follow_up_conversation", "journey_exit", "exit_follow_up", "figure_household_year",
                "figure_decision"}) {
            rows.put(table, Target.count(c, "select count(*) from " + table));
        }
        return rows;
    }

    private void copyClients(Connection c) throws SQLException, IOException {
        StringBuilder csv = new StringBuilder();
        for (int n = 1; n <= clients; n++) {
            String pnr = StegvisTarget.personnummer(n).replace("-", "");
            csv.append(uuid("c", n)).append(',').append(pnr).append(",false,2024-01-02 10:00:00+01,")
                    .append(UNITS[n % UNITS.length]).append(",Testperson ").append(n)
                    .append(",SE4550000000058398257466\n");
        }
        ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI().copyIn("copy client (id, personnummer,"
                + " protected_identity, created_at, unit, account_holder, iban) from stdin with (format csv)",
                new StringReader(csv.toString()));
    }

    /**
     * The id of journey number {@code k} (1, 2, …) of the journeys written for {@code clients} clients, as an SQL
     * expression in a copy's number {@code g} (journeys are those of clients {@code n} with {@code n % 5 < 2}: 1, 5, 6,
     * 10, 11, …; copy {@code g} gets journey {@code 1 + (g - 1) % journeys}): the business key that makes the copies of
     * a journey's process the processes of the journeys written here.
     */
    static String journeyIdOfCopy(int clients) {
        long journeys = 0;
        for (long n = 1; n <= clients; n++) {
            if (n % 5 < 2) {
                journeys++;
            }
        }
        String k = "(1 + (g - 1) % " + Math.max(1, journeys) + ")";
        return "md5('j' || (5 * (" + k + " / 2) + " + k + " % 2))::uuid::text";
    }

    /** The uuid the SQL below gives row {@code n} of kind {@code kind} ({@code md5(kind || n)::uuid}). */
    static String uuid(String kind, long n) {
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest((kind + n).getBytes());
            StringBuilder hex = new StringBuilder();
            for (byte b : md5) {
                hex.append(String.format("%02x", b));
            }
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String[] statements() {
        String types = "array['" + String.join("','", PLACEMENT_TYPES) + "']";
        return new String[] {
            // A client n applies for month m of 2025 unless hashtext says no (6 %).
            """
            create temp table nat_app as
            select n, m, md5('a' || n || '-' || m)::uuid as id, md5('c' || n)::uuid as client_id,
                   abs(hashtext('a' || n || '-' || m)) %% 1000 as r,
                   (make_date(2025, m, 1 + (n + m) %% 20) + time '09:00') at time zone 'Europe/Stockholm' as submitted,
                   m = 1 or abs(hashtext(n || ':' || (m - 1))) %% 100 >= 94 as first
            from generate_series(1, %d) n cross join generate_series(1, 12) m
            where abs(hashtext(n || ':' || m)) %% 100 < 94
            """.formatted(clients),
            """
            insert into application (id, client_id, for_month, kind, status, adults, children_ages,
                others_sharing_household, cost_housing, cost_electricity, cost_home_insurance, submitted_by,
                submitted_at, complete_at, investigation_due, register_checked, process_instance_id, version)
            select id, client_id, '2025-' || lpad(m::text, 2, '0'), case when first then 'NYANSOKAN' else 'ATERANSOKAN' end,
                   'BESLUTAD', 1 + (n % 3 = 0)::int,
                   (array['', '4', '4,8', '2,7,12', '', '15', '', '9,11'])[1 + n % 8], 0,
                   4000 + r * 7, 300 + r % 200, 150, 'etjanst', submitted,
                   case when r % 10 = 0 then null else submitted + interval '1 day' end,
                   (submitted + interval '1 day')::date + 14, true, md5('pi' || n || '-' || m), 1
            from nat_app
            """,
            // Tilläggsansökningar beside 3 % of the monthly applications.
            """
            insert into application (id, client_id, for_month, kind, status, adults, children_ages,
                others_sharing_household, extra_need_description, extra_need_amount, submitted_by, submitted_at,
                complete_at, investigation_due, register_checked, process_instance_id, version)
            select md5('t' || n || '-' || m)::uuid, client_id, '2025-' || lpad(m::text, 2, '0'), 'TILLAGGSANSOKAN',
                   'BESLUTAD', 1, '', 0, 'Tandvård', 1500 + r, 'etjanst', submitted + interval '10 days',
                   submitted + interval '10 days', (submitted + interval '10 days')::date + 14, true,
                   md5('pt' || n || '-' || m), 1
            from nat_app where r < 30
            """,
            """
            insert into application_income (application_id, position, name, kind, amount)
            select id, 0, case when r % 2 = 0 then 'Lön' else 'Barnbidrag' end,
                   case when r % 2 = 0 then 'EMPLOYMENT' else 'OTHER' end, 1000 + r * 3
            from nat_app where r < 600
            """,
            """
            insert into calculation_line (application_id, position, section, description, rule, amount)
            select a.id, k, (array['NORM', 'NORM', 'KOSTNAD', 'KOSTNAD', 'INKOMST', 'JUSTERING'])[k + 1],
                   (array['Riksnorm för personliga kostnader', 'Gemensamma hushållskostnader', 'Boendekostnad',
                          'Hushållsel', 'Inkomster', 'Avrundning'])[k + 1],
                   'SoL 4 kap. 3 § (riksnorm 2025)', (array[3400, 1300, 4000 + a.r * 7, 300, -1000, 0])[k + 1]
            from nat_app a cross join generate_series(0, 5) k
            """,
            """
            insert into application_warning (application_id, code, message, created_at)
            select id, 'INKOMST_ANDRAD', 'Inkomsten skiljer sig från registret', submitted + interval '1 hour'
            from nat_app where r % 20 = 7
            """,
            """
            insert into supplement_request (application_id, message, requested_by, requested_at, due_date, answered_at)
            select id, 'Lönebesked för förra månaden', 'handlaggare' || (n % 50), submitted + interval '2 days',
                   (submitted + interval '9 days')::date, submitted + interval '5 days'
            from nat_app where r % 10 = 3
            """,
            // One decision per application (the tilläggsansökningar too): 10 % refused, 8 % attested.
            """
            insert into decision (id, application_id, kind, amount, reasons, investigator, approver, decided_at,
                                  notified_at)
            select md5('d' || n || '-' || m)::uuid, id,
                   case when r < 100 then 'AVSLAG' when r < 180 then 'DELVIS_BIFALL' else 'BIFALL' end,
                   case when r < 100 then 0 else 2000 + r * 11 end,
                   case when r < 180 then 'Inkomsterna täcker delar av behovet.' end, 'handlaggare' || (n % 50),
                   case when r % 100 < 8 then 'teamledare' || (n % 10) end,
                   coalesce(submitted + interval '1 day', submitted) + ((n + m) % 13) * interval '1 day' + interval '3 hours',
                   coalesce(submitted + interval '1 day', submitted) + ((n + m) % 13) * interval '1 day' + interval '4 hours'
            from nat_app
            """,
            """
            insert into decision (id, application_id, kind, amount, investigator, decided_at, notified_at)
            select md5('dt' || n || '-' || m)::uuid, md5('t' || n || '-' || m)::uuid, 'BIFALL', 1500 + r,
                   'handlaggare' || (n % 50), submitted + interval '14 days', submitted + interval '14 days'
            from nat_app where r < 30
            """,
            """
            insert into payment (id, decision_id, client_id, amount, payment_date, status, payment_file_id, created_at,
                                 confirmed_at)
            select md5('p' || n || '-' || m)::uuid, md5('d' || n || '-' || m)::uuid, client_id, 2000 + r * 11,
                   make_date(2025, m, 25), 'BEKRAFTAD', md5('file-' || m)::uuid, submitted + interval '5 days',
                   (make_date(2025, m, 26) + time '10:00') at time zone 'Europe/Stockholm'
            from nat_app where r >= 100
            """,
            """
            insert into appeal (id, decision_id, received_date, notified_date, registered_by, in_time, status, outcome)
            select md5('ap' || n || '-' || m)::uuid, md5('d' || n || '-' || m)::uuid,
                   (submitted + interval '20 days')::date, (submitted + interval '15 days')::date, 'handlaggare1',
                   r % 7 <> 0, (array['REGISTRERAT', 'BESLUT_ANDRAT', 'OVERLAMNAT', 'DOM_REGISTRERAD',
                   'AVVISAT_FOR_SENT'])[1 + r % 5], case when r % 5 = 3 then 'AVSLAG' end
            from nat_app where r % 300 = 11
            """,
            // Client journeys: two clients in five, started June 2024 – December 2025.
            """
            create temp table nat_journey as
            select n, md5('j' || n)::uuid as id, md5('c' || n)::uuid as client_id, s as started,
                   s + 7 + r %% 14 as mapped, s + 17 + r %% 14 as agreed, r,
                   case when r < 35 then least(s + 60 + r * 9, date '2025-12-28') end as exited
            from (select n, date '2024-06-01' + (n * 7 %% 560) as s, abs(hashtext('j' || n)) %% 100 as r
                  from generate_series(1, %d) n where n %% 5 < 2) x
            """.formatted(clients),
            """
            insert into client_journey (id, client_id, status, started_at, started_by, ended_at, process_instance_id)
            select id, client_id, case when exited is null then 'AKTIV' else 'AVSLUTAD' end,
                   (started + time '09:00') at time zone 'Europe/Stockholm', 'coach' || (n % 30),
                   case when exited is not null then (exited + time '15:00') at time zone 'Europe/Stockholm' end,
                   md5('jp' || n)
            from nat_journey
            """,
            """
            insert into journey_mapping (id, journey_id, education_level, work_history, swedish_level, health_limits,
                childcare_need, parental_leave, driving_licence, months_since_last_job, own_goal, goal_occupation,
                ready_for_company_placement, mapped_by, mapped_at)
            select md5('m' || n)::uuid, id,
                   (array['FORGYMNASIAL_KORTARE_AN_9_AR', 'FORGYMNASIAL_9_AR', 'GYMNASIAL', 'EFTERGYMNASIAL'])[1 + r % 4],
                   'Lagerarbete och städ', (array['SFI_B', 'SFI_D', 'SVA', 'FLYTANDE'])[1 + r % 4], r % 9 = 0, r % 4 = 0,
                   false, r % 3 = 0, 6 + r, case when r % 5 = 0 then 'STUDIER' else 'ARBETE' end, 'Lagerarbetare',
                   r % 3 <> 0, 'coach' || (n % 30), (mapped + time '10:00') at time zone 'Europe/Stockholm'
            from nat_journey where mapped <= coalesce(exited, date '2025-12-31')
            """,
            """
            insert into individual_plan (id, journey_id, current_version, created_at)
            select md5('ip' || n)::uuid, id, 1, (agreed + time '10:00') at time zone 'Europe/Stockholm'
            from nat_journey where agreed <= coalesce(exited, date '2025-12-31') and r % 10 <> 0
            """,
            """
            insert into plan_version (id, plan_id, version_number, goal, goal_occupation, created_by, created_at,
                                      agreed_with_client_at)
            select md5('pv' || n)::uuid, md5('ip' || n)::uuid, 1, 'ARBETE', 'Lagerarbetare', 'coach' || (n % 30),
                   (agreed + time '10:00') at time zone 'Europe/Stockholm',
                   (agreed + time '11:00') at time zone 'Europe/Stockholm'
            from nat_journey where agreed <= coalesce(exited, date '2025-12-31') and r % 10 <> 0
            """,
            // One or two placements per planned journey, the second after the first.
            """
            create temp table nat_placement as
            select j.n, k, md5('pl' || j.n || '-' || k)::uuid as id, j.id as journey_id,
                   (%s)[1 + (j.n + k) %% 11] as type, j.agreed + (k - 1) * 120 as requested,
                   j.agreed + (k - 1) * 120 + 5 + (j.r + k * 13) %% 50 as started, j.r, j.exited
            from nat_journey j cross join generate_series(1, 2) k
            where j.agreed <= coalesce(j.exited, date '2025-12-31') and j.r %% 10 <> 0 and (k = 1 or j.r %% 3 = 0)
            """.formatted(types),
            """
            insert into placement (id, journey_id, type, provider_id, requested_on, matched_on, start_date, end_date,
                                   outcome, process_instance_id)
            select id, journey_id, type, null, requested, requested + 3,
                   case when started <= coalesce(exited, date '2025-12-31') then started end,
                   case when started <= coalesce(exited, date '2025-12-31') and (exited is not null or r % 2 = 0)
                        then least(started + 30 + r * 2, coalesce(exited, date '2025-12-31')) end,
                   case when started <= coalesce(exited, date '2025-12-31') and (exited is not null or r % 2 = 0)
                        then (array['ARBETE', 'STUDIER', 'NASTA_STEG', 'FORTSATT_INSATS', 'AVBRUTEN'])[1 + r % 5] end,
                   md5('plp' || n || '-' || k)
            from nat_placement
            """,
            """
            insert into placement_attendance (placement_id, for_month, days_planned, days_present,
                                              days_absent_unexcused, reported_by, reported_at)
            select p.id, to_char(p.start_date + k * interval '1 month', 'YYYY-MM'), 20, 18,
                   case when k % 7 = 3 then 1 else 0 end, 'coach1',
                   (p.start_date + k * interval '1 month' + interval '28 days 10 hours') at time zone 'Europe/Stockholm'
            from placement p cross join generate_series(0, 5) k
            where p.start_date is not null
              and p.start_date + k * interval '1 month' + interval '28 days' <= coalesce(p.end_date, date '2025-12-31')
            """,
            // An assessment and a follow-up conversation every four weeks after the plan, until the exit or the year's end.
            """
            insert into step_assessment (id, journey_id, assessed_on, coach, step, reason, created_at)
            select md5('sa' || j.n || '-' || k)::uuid, j.id, j.agreed + k * 28, 'coach' || (j.n % 30),
                   least(6, 1 + (j.r % 3) + k / 3), 'Bedömd vid uppföljningssamtal',
                   (j.agreed + k * 28 + time '14:00') at time zone 'Europe/Stockholm'
            from nat_journey j cross join generate_series(0, 12) k
            where j.r % 10 <> 0 and j.agreed + k * 28 <= coalesce(j.exited, date '2025-12-31')
            """,
            """
            insert into follow_up_conversation (task_id, journey_id, due_at, ended_at, completed)
            select md5('fu' || j.n || '-' || k), j.id, (j.agreed + k * 28 + 7 + time '09:00') at time zone 'Europe/Stockholm',
                   case when (j.r + k) % 7 = 0 then (j.agreed + k * 28 + 9 + time '09:00') at time zone 'Europe/Stockholm'
                        else (j.agreed + k * 28 + 2 + time '09:00') at time zone 'Europe/Stockholm' end,
                   true
            from nat_journey j cross join generate_series(1, 13) k
            where j.r % 10 <> 0 and j.agreed + k * 28 <= coalesce(j.exited, date '2025-12-31')
            """,
            """
            insert into journey_exit (id, journey_id, reason, exit_date, registered_by, registered_at)
            select md5('x' || n)::uuid, id,
                   (array['ARBETE', 'STUDIER', 'ANNAN_ERSATTNING', 'FLYTTAT', 'EGEN_BEGARAN', 'ANNAT', 'ARBETE'])[1 + r % 7],
                   exited, 'coach' || (n % 30), (exited + time '15:00') at time zone 'Europe/Stockholm'
            from nat_journey where exited is not null
            """,
            """
            insert into exit_follow_up (id, exit_id, followed_up_on, in_work_or_studies, returned_to_assistance,
                                        recorded_by)
            select md5('xf' || n)::uuid, md5('x' || n)::uuid, exited + 183, r % 3 <> 0, r % 5 = 0, 'coach' || (n % 30)
            from nat_journey where exited is not null and exited + 183 <= date '2025-12-31'
            """,
            "drop table nat_app",
            "drop table nat_journey",
            "drop table nat_placement",
        };
    }
}
