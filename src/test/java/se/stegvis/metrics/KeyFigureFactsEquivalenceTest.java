package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.stegvis.journey.domain.ExitReason;
import se.stegvis.placement.domain.PlacementType;

/**
 * The key figures read from the facts kept per month and unit ({@link FigureFacts}) equal the figures computed here,
 * in Java, straight from the source tables by docs/nyckeltal.md — on a varied, seeded data set (three units and
 * clients without one; new, renewed and supplementary applications over 18 months; reconsiderations, kompletteringar,
 * attested decisions, decisions late in the evening of a month's last day, which is the next month in UTC), with the
 * facts first rebuilt and then kept up to date by {@link FigureFacts#refresh} as clients move to other units and
 * decisions are reconsidered; journeys with placements (SFI switched to flex-SFI among them) and step assessments
 * on the days next to the periods' bounds, some recorded later for days before a client's earlier assessments.
 * PostgreSQL here, H2 in {@link KeyFigureFactsEquivalenceH2Test}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyFigureFactsEquivalenceTest {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Instant NOW = Instant.parse("2024-04-15T10:00:00Z");
    private static final List<String> UNITS = java.util.Arrays.asList("Hageby", "Centrum", "Navestad", null);
    private static final Set<String> ASSISTANCE = Set.of("hushall_per_manad", "personer_per_manad",
            "andel_av_befolkningen", "inflode", "utflode", "langvarigt", "utbetalt_per_manad");
    private static final Set<String> CASE_HANDLING = Set.of("tid_till_beslut_median", "tid_till_beslut_p90",
            "andel_beslut_i_tid", "kompletteringsgrad", "andel_attest");

    FigureDatabase db;
    KeyFigureService service;
    final Random random = new Random(14);
    final List<UUID> clients = new ArrayList<>();
    final List<UUID> applications = new ArrayList<>();
    final Map<UUID, UUID> firstDecision = new HashMap<>();
    final List<UUID> plannedPayments = new ArrayList<>();
    final List<UUID> journeys = new ArrayList<>();

    FigureDatabase.Kind kind() {
        return FigureDatabase.Kind.POSTGRESQL;
    }

    @BeforeAll
    void fixture() throws Exception {
        db = new FigureDatabase(kind(), "facts_equivalence");
        service = db.service(NOW, Map.of(2022, 90_000L, 2023, 100_000L, 2024, 110_000L));
        for (int i = 0; i < 80; i++) {
            clients.add(db.client(UNITS.get(random.nextInt(UNITS.size()))));
        }
        for (UUID client : clients) {
            for (YearMonth m = YearMonth.of(2022, 10); !m.isAfter(YearMonth.of(2024, 3)); m = m.plusMonths(1)) {
                if (random.nextInt(10) < 7) {
                    application(client, m);
                }
            }
        }
        for (int i = 0; i < 60; i++) {
            journey(clients.get(random.nextInt(clients.size())));
        }
        for (UUID journey : journeys) {
            for (int n = random.nextInt(6); n > 0; n--) {
                step(journey);
            }
        }
        for (int i = 0; i < 30; i++) {
            sameDayStep();
        }
        for (UUID journey : journeys) {
            for (int n = random.nextInt(5); n > 0; n--) {
                followUp(journey);
            }
        }
        db.rebuildFacts();

        // Kept up to date from here: clients move, decisions are reconsidered, kompletteringar asked for.
        List<UUID> moved = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            UUID client = clients.get(random.nextInt(clients.size()));
            db.jdbc.update("update client set unit = ? where id = ?", UNITS.get(random.nextInt(UNITS.size())), client);
            moved.add(client);
        }
        Set<UUID> touched = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            UUID application = applications.get(random.nextInt(applications.size()));
            Timestamp last = db.jdbc.queryForObject("select max(decided_at) from decision where application_id = ?",
                    Timestamp.class, application);
            decision(application, last.toInstant().plus(1 + random.nextInt(40), ChronoUnit.DAYS), firstDecision.get(application));
            if (random.nextBoolean()) {
                supplement(application);
            }
            touched.add(application);
        }
        Set<FigureFacts.ClientYear> confirmed = new HashSet<>();
        for (UUID payment : plannedPayments.subList(0, plannedPayments.size() / 2)) {
            db.jdbc.update("update payment set status = 'BEKRAFTAD' where id = ?", payment);
            confirmed.add(db.jdbc.queryForObject("select client_id, payment_date from payment where id = ?",
                    (rs, i) -> new FigureFacts.ClientYear(rs.getObject(1, UUID.class),
                            rs.getObject(2, LocalDate.class).getYear()), payment));
        }
        // Journeys go on: placements start and end, plans are agreed, journeys end; new journeys start.
        Set<UUID> journeysTouched = new HashSet<>();
        Set<UUID> plansTouched = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            UUID journey = journeys.get(random.nextInt(journeys.size()));
            LocalDate day = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(400));
            List<UUID> plan = db.jdbc.queryForList("select id from individual_plan where journey_id = ?", UUID.class,
                    journey);
            switch (random.nextInt(3)) {
                case 0 -> {
                    // Started or ended on a month's last or first day now and then; an SFI one switched to flex-SFI.
                    LocalDate start = random.nextInt(4) == 0 ? YearMonth.from(day).atEndOfMonth()
                            : day.plusDays(random.nextInt(20));
                    LocalDate end = random.nextBoolean() ? null : random.nextInt(3) == 0
                            ? YearMonth.from(start).plusMonths(random.nextInt(3)).atEndOfMonth().plusDays(random.nextInt(2))
                            : start.plusDays(1 + random.nextInt(90));
                    boolean sfi = random.nextInt(3) == 0;
                    db.placement(journey, sfi ? PlacementType.SFI : PlacementType.PRAKTIK, day, start, end, null,
                            sfi && random.nextBoolean() ? YearMonth.from(start).plusMonths(1).atDay(1) : null);
                }
                case 1 -> {
                    if (plan.isEmpty()) {
                        db.planAgreed(journey, day);
                    } else {
                        // A new version agreed, earlier than the first (the first agreed counts): only the plan is told.
                        Timestamp at = Timestamp.from(day.minusDays(200).atTime(10, 0).atZone(SWEDEN).toInstant());
                        db.jdbc.update("insert into plan_version (id, plan_id, version_number, goal, created_by,"
                                + " created_at, agreed_with_client_at) select ?, ?, max(version_number) + 1, 'ARBETE',"
                                + " 'coach1', ?, ? from plan_version where plan_id = ?", UUID.randomUUID(), plan.get(0),
                                at, at, plan.get(0));
                        plansTouched.add(plan.get(0));
                        continue;
                    }
                }
                default -> db.mapped(journey, day);
            }
            journeysTouched.add(journey);
        }
        for (int i = 0; i < 8; i++) {
            journeysTouched.add(journey(clients.get(random.nextInt(clients.size()))));
        }
        // Assessments go on: on boundary days, on a day already assessed, and recorded for days before the client's
        // earlier assessments (which changes their predecessors), on the journeys old and new.
        Set<UUID> assessed = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            UUID journey = journeys.get(random.nextInt(journeys.size()));
            step(journey);
            assessed.add(journey);
        }
        for (int i = 0; i < 20; i++) {
            assessed.add(sameDayStep());
        }
        // Conversations go on: new ones, open ones held or cancelled, due dates changed.
        Set<String> followUps = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            followUps.add(followUp(journeys.get(random.nextInt(journeys.size()))));
        }
        List<String> tasks = db.jdbc.queryForList("select task_id from follow_up_conversation order by task_id",
                String.class);
        for (int i = 0; i < 30; i++) {
            String task = tasks.get(random.nextInt(tasks.size()));
            Timestamp due = db.jdbc.queryForObject("select due_at from follow_up_conversation where task_id = ?",
                    Timestamp.class, task);
            switch (random.nextInt(3)) {
                case 0 -> db.jdbc.update("update follow_up_conversation set ended_at = ?, completed = true"
                        + " where task_id = ?", Timestamp.from(due.toInstant().plusSeconds(random.nextInt(7200) - 3600)),
                        task);
                case 1 -> db.jdbc.update("update follow_up_conversation set ended_at = ?, completed = false"
                        + " where task_id = ?", Timestamp.from(due.toInstant().plusSeconds(random.nextInt(7200) - 3600)),
                        task);
                default -> db.jdbc.update("update follow_up_conversation set due_at = ? where task_id = ?",
                        Timestamp.from(due.toInstant().plus(random.nextInt(60) - 30, ChronoUnit.DAYS)), task);
            }
            followUps.add(task);
        }
        try (var c = db.dataSource.getConnection()) {
            FigureFacts.refresh(c, List.of(), List.of(), moved.subList(0, 7));
            FigureFacts.refresh(c, touched, confirmed, moved.subList(7, moved.size()), journeysTouched,
                    plansTouched, assessed, followUps);
        }
    }

    private void application(UUID client, YearMonth month) {
        UUID id = UUID.randomUUID();
        int r = random.nextInt(10);
        String kind = r == 0 ? "TILLAGGSANSOKAN" : r < 4 ? "NYANSOKAN" : "ATERANSOKAN";
        Instant submitted = month.atDay(1 + random.nextInt(month.lengthOfMonth())).atTime(8 + random.nextInt(12), 0)
                .atZone(SWEDEN).toInstant();
        Instant complete = random.nextInt(4) == 0 ? null : submitted.plus(random.nextInt(6), ChronoUnit.DAYS);
        LocalDate due = random.nextInt(8) == 0 ? null
                : LocalDate.ofInstant(complete == null ? submitted : complete, SWEDEN).plusDays(14);
        db.jdbc.update("insert into application (id, client_id, for_month, kind, status, adults, children_ages,"
                + " submitted_by, submitted_at, complete_at, investigation_due) values (?, ?, ?, ?, 'BESLUTAD', ?, ?,"
                + " 'etjanst', ?, ?, ?)", id, client, month.toString(), kind, 1 + random.nextInt(2),
                random.nextInt(3) == 0 ? "4,9" : "", Timestamp.from(submitted),
                complete == null ? null : Timestamp.from(complete), due);
        applications.add(id);
        if (random.nextInt(4) == 0) {
            supplement(id);
        }
        Instant decided;
        if (random.nextInt(6) == 0) {
            // Late on the last day of the month (Swedish time): already the next month in UTC.
            LocalDate lastDay = YearMonth.from(LocalDate.ofInstant(submitted, SWEDEN)).atEndOfMonth();
            decided = LocalDateTime.of(lastDay, java.time.LocalTime.of(23, 30)).atZone(SWEDEN).toInstant();
            if (decided.isBefore(submitted)) {
                decided = submitted.plus(1, ChronoUnit.HOURS);
            }
        } else {
            decided = submitted.plus(random.nextInt(25), ChronoUnit.DAYS).plus(random.nextInt(600), ChronoUnit.MINUTES);
        }
        firstDecision.put(id, decision(id, decided, null));
        payment(client, firstDecision.get(id), decided);
        if (random.nextInt(5) == 0) {
            decision(id, decided.plus(1 + random.nextInt(30), ChronoUnit.DAYS), firstDecision.get(id));
        }
    }

    private UUID decision(UUID application, Instant decided, UUID replaces) {
        UUID id = UUID.randomUUID();
        long amount = random.nextInt(4) == 0 ? 0 : 1000 + random.nextInt(9000);
        db.jdbc.update("insert into decision (id, application_id, kind, amount, investigator, approver, decided_at,"
                + " replaces_decision_id, first_of_application) values (?, ?, ?, ?, 'handlaggare1', ?, ?, ?, ?)", id,
                application, amount > 0 ? "BIFALL" : "AVSLAG", amount, random.nextBoolean() ? "attest1" : null,
                Timestamp.from(decided), replaces, replaces == null ? application : null);
        return id;
    }

    /**
     * A journey started between June 2022 and February 2024: mapped or not, its plan agreed or not (now and then
     * before the mapping), up to three placements (overlapping, back to back, open, not started), ended with an
     * exit, ended without one, or going on.
     */
    private UUID journey(UUID client) {
        LocalDate started = LocalDate.of(2022, 6, 1).plusDays(random.nextInt(640));
        UUID journey = db.journey(client, started);
        journeys.add(journey);
        LocalDate mapped = started.plusDays(random.nextInt(60));
        if (random.nextInt(10) < 8) {
            db.mapped(journey, mapped);
        }
        if (random.nextInt(10) < 6) {
            db.planAgreed(journey, random.nextInt(8) == 0 ? started : mapped.plusDays(random.nextInt(60)));
        }
        LocalDate day = mapped.plusDays(random.nextInt(90));
        for (int p = random.nextInt(4); p > 0; p--) {
            LocalDate start = random.nextInt(6) == 0 ? null : day;
            LocalDate end = start == null || random.nextInt(4) == 0 ? null : start.plusDays(1 + random.nextInt(120));
            if (end != null && random.nextInt(4) == 0) {
                // Ended on a month's last day: not running at that month's end.
                end = YearMonth.from(end).atEndOfMonth();
            }
            PlacementType type = PlacementType.values()[random.nextInt(PlacementType.values().length)];
            // An SFI placement now and then switched to flex-SFI: SFI before the switch, flex-SFI from it.
            LocalDate flex = start != null && (type == PlacementType.SFI || type == PlacementType.FLEX_SFI)
                    && random.nextBoolean() ? start.plusDays(random.nextInt(90)) : null;
            db.placement(journey, type == PlacementType.FLEX_SFI ? PlacementType.SFI : type, day.minusDays(10), start,
                    end, null, flex);
            day = end != null && random.nextBoolean() ? end : day.plusDays(random.nextInt(60));
        }
        switch (random.nextInt(5)) {
            case 0, 1 -> db.exit(journey, ExitReason.ARBETE, started.plusDays(20 + random.nextInt(500)));
            case 2 -> db.jdbc.update("update client_journey set status = 'AVSLUTAD', ended_at = ? where id = ?",
                    Timestamp.from(started.plusDays(30 + random.nextInt(400)).atTime(23, 30).atZone(SWEDEN).toInstant()),
                    journey);
            default -> { }
        }
        return journey;
    }

    /** The days next to the periods' bounds ({@link #periods()}), where an off-by-one day or month would show. */
    private static final List<LocalDate> BOUNDS = List.of(LocalDate.of(2022, 10, 31), LocalDate.of(2022, 11, 1),
            LocalDate.of(2022, 12, 31), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 2, 28), LocalDate.of(2023, 3, 1),
            LocalDate.of(2023, 3, 31), LocalDate.of(2023, 4, 1), LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1));

    /**
     * A step assessment of the journey: on a day next to a period's bound (one in three), or any day from June 2022
     * to April 2024, recorded at a time of its own (the order of two on one day is the order of recording).
     */
    private void step(UUID journey) {
        LocalDate on = random.nextInt(3) == 0 ? BOUNDS.get(random.nextInt(BOUNDS.size()))
                : LocalDate.of(2022, 6, 1).plusDays(random.nextInt(700));
        db.jdbc.update("insert into step_assessment (id, journey_id, assessed_on, coach, step, reason, created_at)"
                + " values (?, ?, ?, 'coach1', ?, 'Bedömd', ?)", UUID.randomUUID(), journey, on, 1 + random.nextInt(6),
                Timestamp.from(on.atTime(8, 0).atZone(SWEDEN).toInstant().plusSeconds(random.nextInt(36_000))));
    }

    /**
     * A second assessment on the day of one already made, on one of the client's journeys, recorded before or after
     * it: which of the two is the baseline depends on the order of recording. Returns the journey.
     */
    private UUID sameDayStep() {
        Map<String, Object> other = db.jdbc.queryForList("select s.assessed_on, j.client_id from step_assessment s"
                + " join client_journey j on j.id = s.journey_id order by s.id").stream()
                .skip(random.nextInt(db.jdbc.queryForObject("select count(*) from step_assessment", Integer.class)))
                .findFirst().orElseThrow();
        LocalDate on = ((java.sql.Date) other.get("assessed_on")).toLocalDate();
        List<UUID> ofClient = db.jdbc.queryForList("select id from client_journey where client_id = ? order by id",
                UUID.class, other.get("client_id"));
        UUID journey = ofClient.get(random.nextInt(ofClient.size()));
        db.jdbc.update("insert into step_assessment (id, journey_id, assessed_on, coach, step, reason, created_at)"
                + " values (?, ?, ?, 'coach1', ?, 'Bedömd', ?)", UUID.randomUUID(), journey, on, 1 + random.nextInt(6),
                Timestamp.from(on.atTime(8, 0).atZone(SWEDEN).toInstant().plusSeconds(random.nextInt(36_000))));
        return journey;
    }

    /**
     * A follow-up conversation of the journey, due at a time of its own or just before or after midnight (Swedish
     * time) at a month's start; held before or after its due time, cancelled before or after it, or still open.
     * Returns the task id.
     */
    private String followUp(UUID journey) {
        Instant due = random.nextInt(3) == 0
                ? BOUNDS.get(random.nextInt(BOUNDS.size())).atStartOfDay(SWEDEN).toInstant()
                        .plusSeconds(random.nextBoolean() ? -60 : 60)
                : LocalDate.of(2022, 6, 1).plusDays(random.nextInt(760)).atTime(9, 0).atZone(SWEDEN).toInstant();
        Instant ended = random.nextInt(4) == 0 ? null : due.plus(random.nextInt(6) - 3, ChronoUnit.DAYS);
        String task = UUID.randomUUID().toString();
        db.jdbc.update("insert into follow_up_conversation (task_id, journey_id, due_at, ended_at, completed)"
                + " values (?, ?, ?, ?, ?)", task, journey, Timestamp.from(due),
                ended == null ? null : Timestamp.from(ended), ended != null && random.nextInt(4) > 0);
        return task;
    }

    /** A payment of a grant, confirmed or still planned (confirmed later, kept up to date). */
    private void payment(UUID client, UUID decision, Instant decided) {
        long amount = db.jdbc.queryForObject("select amount from decision where id = ?", Long.class, decision);
        if (amount == 0) {
            return;
        }
        UUID id = UUID.randomUUID();
        boolean confirmed = random.nextInt(3) > 0;
        db.jdbc.update("insert into payment (id, decision_id, client_id, amount, payment_date, status, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", id, decision, client, amount,
                LocalDate.ofInstant(decided, SWEDEN).plusDays(random.nextInt(10)), confirmed ? "BEKRAFTAD" : "PLANERAD",
                Timestamp.from(decided));
        if (!confirmed) {
            plannedPayments.add(id);
        }
    }

    private void supplement(UUID application) {
        db.jdbc.update("insert into supplement_request (application_id, message, requested_by, requested_at, due_date)"
                + " values (?, 'Kontoutdrag', 'handlaggare1', ?, ?)", application, Timestamp.from(NOW),
                LocalDate.of(2024, 4, 30));
    }

    @Test
    void caseHandlingFromTheFactsEqualsTheSourceTables() {
        for (YearMonth[] period : periods()) {
            for (String unit : UNITS) {
                assertThat(figures(period, unit, CASE_HANDLING::contains))
                        .as("%s–%s %s", period[0], period[1], unit)
                        .isEqualTo(caseHandling(period[0], period[1], unit));
            }
        }
    }

    @Test
    void assistanceFromTheFactsEqualsTheSourceTables() {
        for (YearMonth[] period : periods()) {
            for (String unit : UNITS) {
                assertThat(figures(period, unit, ASSISTANCE::contains))
                        .as("%s–%s %s", period[0], period[1], unit)
                        .isEqualTo(assistance(period[0], period[1], unit));
            }
        }
    }

    @Test
    void clientsPerPhaseFromTheFactsEqualTheSourceTables() {
        for (YearMonth[] period : periods()) {
            for (String unit : UNITS) {
                assertThat(figures(period, unit, "klienter_per_fas"::equals))
                        .as("%s–%s %s", period[0], period[1], unit)
                        .isEqualTo(clientsPerPhase(period[0], period[1], unit));
            }
        }
    }

    @Test
    void stepMovementFromTheFactsEqualsTheSourceTables() {
        for (YearMonth[] period : periods()) {
            for (String unit : UNITS) {
                assertThat(figures(period, unit, "stegforflyttning"::equals))
                        .as("%s–%s %s", period[0], period[1], unit)
                        .isEqualTo(stepMovement(period[0], period[1], unit));
            }
        }
    }

    @Test
    void placementsRunningAtTheMonthsEndsFromTheFactsEqualTheSourceTables() {
        for (YearMonth[] period : periods()) {
            for (String unit : UNITS) {
                assertThat(figures(period, unit, "insatser_aktiva"::equals))
                        .as("%s–%s %s", period[0], period[1], unit)
                        .isEqualTo(placementsRunning(period[0], period[1], unit));
            }
        }
    }

    /**
     * "insatser_aktiva" by its definition, placement by placement and month by month: started on or before the
     * month's last day and not ended by it, counted by its type that day (SFI before a switch to flex-SFI).
     */
    private List<Figure> placementsRunning(YearMonth from, YearMonth to, String unit) {
        record P(PlacementType type, LocalDate start, LocalDate end, LocalDate flex) {}
        List<P> all = new ArrayList<>();
        db.jdbc.query("""
                select p.type, p.start_date, p.end_date, p.switched_to_flex_sfi_on, c.unit
                from placement p join client_journey j on j.id = p.journey_id join client c on c.id = j.client_id
                """, rs -> {
            if (unit == null || unit.equals(rs.getString(5))) {
                all.add(new P(PlacementType.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
            }
        });
        Figures out = new Figures(unit != null);
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            LocalDate d = m.atEndOfMonth();
            Map<PlacementType, Long> n = new HashMap<>();
            for (P p : all) {
                if (p.start() != null && !p.start().isAfter(d) && (p.end() == null || p.end().isAfter(d))) {
                    n.merge(p.flex() != null && p.flex().isAfter(d) ? PlacementType.SFI : p.type(), 1L, Long::sum);
                }
            }
            for (PlacementType type : PlacementType.values()) {
                out.count("insatser_aktiva", "", m.toString(), null, type.name(), n.getOrDefault(type, 0L));
            }
        }
        return list(out);
    }

    @Test
    void timelyFollowUpsFromTheFactsEqualTheSourceTables() {
        for (YearMonth[] period : periods()) {
            for (String unit : UNITS) {
                assertThat(figures(period, unit, "uppfoljning_i_tid"::equals))
                        .as("%s–%s %s", period[0], period[1], unit)
                        .isEqualTo(timelyFollowUps(period[0], period[1], unit));
            }
        }
    }

    /**
     * "uppfoljning_i_tid" by its definition, conversation by conversation: those due in the period (Swedish days);
     * held in time when completed by the due time, missed when completed later, open after it or cancelled after it,
     * not counted when open and not yet due or cancelled before it; the clients all of whose counted ones were held in
     * time, of the clients with one counted.
     */
    private List<Figure> timelyFollowUps(YearMonth from, YearMonth to, String unit) {
        Instant start = from.atDay(1).atStartOfDay(SWEDEN).toInstant();
        Instant end = to.plusMonths(1).atDay(1).atStartOfDay(SWEDEN).toInstant();
        Map<UUID, Boolean> allInTime = new HashMap<>();
        db.jdbc.query("""
                select j.client_id, c.unit, f.due_at, f.ended_at, f.completed
                from follow_up_conversation f join client_journey j on j.id = f.journey_id
                join client c on c.id = j.client_id
                """, rs -> {
            Instant due = rs.getTimestamp(3).toInstant();
            if ((unit != null && !unit.equals(rs.getString(2))) || due.isBefore(start) || !due.isBefore(end)) {
                return;
            }
            Instant ended = rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant();
            Boolean held;
            if (rs.getBoolean(5)) {
                held = !ended.isAfter(due);
            } else if (ended == null) {
                held = NOW.isAfter(due) ? false : null;
            } else {
                held = ended.isAfter(due) ? false : null;
            }
            if (held != null) {
                allInTime.merge(rs.getObject(1, UUID.class), held, Boolean::logicalAnd);
            }
        });
        Figures out = new Figures(unit != null);
        out.share("uppfoljning_i_tid", "", null, null, null, allInTime.values().stream().filter(b -> b).count(),
                allInTime.size());
        return list(out);
    }

    /** A year, a month, a period over a year's end, and the months before and after the data. */
    static List<YearMonth[]> periods() {
        return List.of(new YearMonth[] {YearMonth.of(2023, 1), YearMonth.of(2023, 12)},
                new YearMonth[] {YearMonth.of(2023, 3), YearMonth.of(2023, 3)},
                new YearMonth[] {YearMonth.of(2022, 11), YearMonth.of(2024, 2)},
                new YearMonth[] {YearMonth.of(2022, 1), YearMonth.of(2022, 9)},
                new YearMonth[] {YearMonth.of(2024, 4), YearMonth.of(2024, 12)});
    }

    /** The figures as compared: everything but the label. */
    record Figure(String id, String month, Integer year, String category, Double value, Long numerator,
                  Long denominator, String note) {
        static Figure of(KeyFigure f) {
            return new Figure(f.id(), f.month(), f.year(), f.category(), f.value(), f.numerator(), f.denominator(),
                    f.note());
        }
    }

    private List<Figure> figures(YearMonth[] period, String unit, Predicate<String> ids) {
        return service.compute(period[0], period[1], unit).stream().filter(f -> ids.test(f.id())).map(Figure::of)
                .toList();
    }

    private static List<Figure> list(Figures figures) {
        return figures.list().stream().map(Figure::of).toList();
    }

    /** "Handläggning" by its definition, from decision, application, supplement_request and client. */
    private List<Figure> caseHandling(YearMonth from, YearMonth to, String unit) {
        record D(UUID application, Instant decided, boolean attested, Instant complete, LocalDate due,
                 boolean supplement, String unit) {}
        List<D> all = db.jdbc.query("""
                select d.application_id, d.decided_at, d.approver, coalesce(a.complete_at, a.submitted_at) as complete,
                       a.investigation_due, c.unit,
                       (select count(*) from supplement_request s where s.application_id = a.id) as supplements
                from decision d join application a on a.id = d.application_id join client c on c.id = a.client_id
                """, (rs, i) -> new D(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                rs.getString(3) != null, rs.getTimestamp(4).toInstant(), rs.getObject(5, LocalDate.class),
                rs.getLong(7) > 0, rs.getString(6)));
        Map<UUID, Instant> earliest = new HashMap<>();
        all.forEach(d -> earliest.merge(d.application(), d.decided(), (a, b) -> a.isBefore(b) ? a : b));
        List<D> inPeriod = all.stream().filter(d -> {
            YearMonth m = YearMonth.from(LocalDate.ofInstant(d.decided(), SWEDEN));
            return !m.isBefore(from) && !m.isAfter(to) && (unit == null || unit.equals(d.unit()));
        }).toList();
        List<Long> days = new ArrayList<>();
        long inTime = 0;
        long supplements = 0;
        for (D d : inPeriod) {
            if (!d.decided().equals(earliest.get(d.application()))) {
                continue;
            }
            LocalDate decided = LocalDate.ofInstant(d.decided(), SWEDEN);
            days.add(ChronoUnit.DAYS.between(LocalDate.ofInstant(d.complete(), SWEDEN), decided));
            inTime += d.due() != null && !decided.isAfter(d.due()) ? 1 : 0;
            supplements += d.supplement() ? 1 : 0;
        }
        days.sort(null);
        Figures out = new Figures(unit != null);
        int n = days.size();
        out.statistic("tid_till_beslut_median", "", null, null, null, nearestRank(days, 50), n);
        out.statistic("tid_till_beslut_p90", "", null, null, null, nearestRank(days, 90), n);
        out.share("andel_beslut_i_tid", "", null, null, null, inTime, n);
        out.share("kompletteringsgrad", "", null, null, null, supplements, n);
        out.share("andel_attest", "", null, null, null, inPeriod.stream().filter(D::attested).count(), inPeriod.size());
        return list(out);
    }

    /** "Bistånd" by its definition, from application, decision, payment and client. */
    private List<Figure> assistance(YearMonth from, YearMonth to, String unit) {
        // Per client and month, the persons of a household with assistance: a monthly application (not
        // tilläggsansökan) whose latest decision grants an amount; the largest household if there are two.
        Map<UUID, Map<YearMonth, Long>> persons = new HashMap<>();
        Map<UUID, String> units = new HashMap<>();
        db.jdbc.query("select id, unit from client", rs -> {
            units.put(rs.getObject(1, UUID.class), rs.getString(2));
        });
        db.jdbc.query("""
                select a.client_id, a.for_month, a.adults, a.children_ages, a.kind, d.amount, d.decided_at, a.id
                from application a join decision d on d.application_id = a.id
                order by a.id, d.decided_at desc
                """, new org.springframework.jdbc.core.RowCallbackHandler() {
            UUID seen;

            @Override
            public void processRow(java.sql.ResultSet rs) throws java.sql.SQLException {
                UUID application = rs.getObject(8, UUID.class);
                if (application.equals(seen)) {
                    return; // not the latest decision
                }
                seen = application;
                if (rs.getString(5).equals("TILLAGGSANSOKAN") || rs.getLong(6) <= 0) {
                    return;
                }
                String children = rs.getString(4);
                long n = rs.getInt(3) + (children.isEmpty() ? 0 : children.split(",").length);
                persons.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                        .merge(YearMonth.parse(rs.getString(2)), n, Math::max);
            }
        });
        Predicate<UUID> inUnit = client -> unit == null || unit.equals(units.get(client));
        Map<YearMonth, long[]> paid = new HashMap<>();
        Map<UUID, Map<YearMonth, Long>> paidPerClient = new HashMap<>();
        db.jdbc.query("select client_id, payment_date, amount from payment where status = 'BEKRAFTAD'", rs -> {
            UUID client = rs.getObject(1, UUID.class);
            if (inUnit.test(client)) {
                paidPerClient.computeIfAbsent(client, k -> new HashMap<>())
                        .merge(YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getLong(3), Long::sum);
            }
        });
        paidPerClient.values().forEach(months -> months.forEach((m, amount) -> {
            long[] p = paid.computeIfAbsent(m, k -> new long[2]);
            p[0] += amount;
            p[1] += amount > 0 ? 1 : 0;
        }));
        Map<Integer, Long> population = Map.of(2022, 90_000L, 2023, 100_000L, 2024, 110_000L);
        Figures out = new Figures(unit != null);
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            long households = 0;
            long people = 0;
            long in = 0;
            long outflow = 0;
            for (Map.Entry<UUID, Map<YearMonth, Long>> client : persons.entrySet()) {
                if (!inUnit.test(client.getKey())) {
                    continue;
                }
                long now = client.getValue().getOrDefault(m, 0L);
                long before = client.getValue().getOrDefault(m.minusMonths(1), 0L);
                households += now > 0 ? 1 : 0;
                people += now;
                in += now > 0 && before == 0 ? 1 : 0;
                outflow += now == 0 && before > 0 ? 1 : 0;
            }
            String month = m.toString();
            out.count("hushall_per_manad", "", month, null, null, households);
            out.count("personer_per_manad", "", month, null, null, people, households);
            out.share("andel_av_befolkningen", "", month, null, null, people, population.get(m.getYear()), households);
            out.count("inflode", "", month, null, null, in);
            out.count("utflode", "", month, null, null, outflow);
            long[] p = paid.getOrDefault(m, new long[2]);
            out.count("utbetalt_per_manad", "", month, null, null, p[0], p[1]);
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            int y = year;
            long longTerm = persons.entrySet().stream().filter(c -> inUnit.test(c.getKey()))
                    .filter(c -> c.getValue().entrySet().stream()
                            .filter(e -> e.getKey().getYear() == y && e.getValue() > 0).count() >= 10)
                    .count();
            out.count("langvarigt", "", null, year, null, longTerm);
        }
        return list(out);
    }

    /**
     * "klienter_per_fas" by its definition, journey by journey and month by month: active on the month's last day
     * (started on or before it, exit date after it), in kartläggning before the first mapping's day, in planering
     * before the first agreed plan version's day, then i insats while a placement runs, else uppföljning.
     */
    private List<Figure> clientsPerPhase(YearMonth from, YearMonth to, String unit) {
        record J(UUID id, LocalDate started, LocalDate ends, LocalDate mapped, LocalDate agreed, String unit) {}
        List<J> all = db.jdbc.query("""
                select j.id, j.started_at, j.status, j.ended_at, x.exit_date, c.unit,
                       (select min(m.mapped_at) from journey_mapping m where m.journey_id = j.id),
                       (select min(v.agreed_with_client_at) from plan_version v join individual_plan p on p.id = v.plan_id
                        where p.journey_id = j.id)
                from client_journey j join client c on c.id = j.client_id
                left join journey_exit x on x.journey_id = j.id
                """, (rs, i) -> new J(rs.getObject(1, UUID.class), day(rs.getTimestamp(2)),
                rs.getObject(5, LocalDate.class) != null ? rs.getObject(5, LocalDate.class)
                        : "AVSLUTAD".equals(rs.getString(3)) && rs.getTimestamp(4) != null ? day(rs.getTimestamp(4)) : null,
                day(rs.getTimestamp(7)), day(rs.getTimestamp(8)), rs.getString(6)));
        Map<UUID, List<LocalDate[]>> placements = new HashMap<>();
        db.jdbc.query("select journey_id, start_date, end_date from placement where start_date is not null", rs -> {
            placements.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new LocalDate[] {
                    rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)});
        });
        Figures out = new Figures(unit != null);
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            LocalDate d = m.atEndOfMonth();
            long[] n = new long[4];
            for (J j : all) {
                if ((unit != null && !unit.equals(j.unit())) || j.started().isAfter(d)
                        || (j.ends() != null && !j.ends().isAfter(d))) {
                    continue;
                }
                if (j.mapped() == null || j.mapped().isAfter(d)) {
                    n[0]++;
                } else if (j.agreed() == null || j.agreed().isAfter(d)) {
                    n[1]++;
                } else if (placements.getOrDefault(j.id(), List.of()).stream()
                        .anyMatch(p -> !p[0].isAfter(d) && (p[1] == null || p[1].isAfter(d)))) {
                    n[2]++;
                } else {
                    n[3]++;
                }
            }
            int i = 0;
            for (JourneyFigures.Phase phase : JourneyFigures.Phase.values()) {
                out.count("klienter_per_fas", "", m.toString(), null, phase.category, n[i++]);
            }
        }
        return list(out);
    }

    /**
     * "stegforflyttning" by its definition, client by client: the client's assessments of all journeys in the order
     * of the day and of recording; the baseline the last before the period, or else the first in it; moved up when an
     * assessment in the period is higher. Per type: the assessments in the period made while a placement of that type
     * (its type that day) ran on their journey.
     */
    private List<Figure> stepMovement(YearMonth from, YearMonth to, String unit) {
        record A(UUID client, UUID journey, LocalDate on, Instant recorded, int step) {}
        record P(UUID journey, PlacementType type, LocalDate start, LocalDate end, LocalDate flex) {
            PlacementType typeOn(LocalDate day) {
                return flex != null && flex.isAfter(day) ? PlacementType.SFI : type;
            }

            boolean runs(LocalDate day) {
                return start != null && !start.isAfter(day) && (end == null || end.isAfter(day));
            }
        }
        Map<UUID, List<A>> perClient = new HashMap<>();
        db.jdbc.query("""
                select j.client_id, s.journey_id, s.assessed_on, s.created_at, s.step, c.unit
                from step_assessment s join client_journey j on j.id = s.journey_id join client c on c.id = j.client_id
                """, rs -> {
            if (unit != null && !unit.equals(rs.getString(6))) {
                return;
            }
            A a = new A(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class),
                    rs.getTimestamp(4).toInstant(), rs.getInt(5));
            perClient.computeIfAbsent(a.client(), k -> new ArrayList<>()).add(a);
        });
        Map<UUID, List<P>> placements = new HashMap<>();
        db.jdbc.query("select journey_id, type, start_date, end_date, switched_to_flex_sfi_on from placement", rs -> {
            placements.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new P(
                    rs.getObject(1, UUID.class), PlacementType.valueOf(rs.getString(2)),
                    rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)));
        });
        LocalDate first = from.atDay(1);
        LocalDate last = to.atEndOfMonth();
        long assessed = 0;
        long moved = 0;
        Map<PlacementType, long[]> byType = new HashMap<>();
        for (List<A> all : perClient.values()) {
            List<A> sorted = all.stream().sorted(java.util.Comparator.comparing(A::on).thenComparing(A::recorded))
                    .toList();
            List<A> during = sorted.stream().filter(a -> !a.on().isBefore(first) && !a.on().isAfter(last)).toList();
            if (during.isEmpty()) {
                continue;
            }
            List<A> before = sorted.stream().filter(a -> a.on().isBefore(first)).toList();
            int baseline = before.isEmpty() ? during.get(0).step() : before.get(before.size() - 1).step();
            assessed++;
            moved += during.stream().anyMatch(a -> a.step() > baseline) ? 1 : 0;
            Map<PlacementType, Integer> top = new HashMap<>();
            for (A a : during) {
                for (P p : placements.getOrDefault(a.journey(), List.of())) {
                    if (p.runs(a.on())) {
                        top.merge(p.typeOn(a.on()), a.step(), Math::max);
                    }
                }
            }
            top.forEach((type, step) -> {
                long[] n = byType.computeIfAbsent(type, k -> new long[2]);
                n[0] += step > baseline ? 1 : 0;
                n[1]++;
            });
        }
        Figures out = new Figures(unit != null);
        out.share("stegforflyttning", "", null, null, null, moved, assessed);
        for (PlacementType type : PlacementType.values()) {
            long[] n = byType.getOrDefault(type, new long[2]);
            out.share("stegforflyttning", "", null, null, type.name(), n[0], n[1]);
        }
        return list(out);
    }

    private static LocalDate day(Timestamp t) {
        return t == null ? null : LocalDate.ofInstant(t.toInstant(), SWEDEN);
    }

    private static Double nearestRank(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = Math.max(1, (int) Math.ceil(p / 100.0 * sorted.size()));
        return (double) sorted.get(rank - 1);
    }
}
