package se.stegvis.metrics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.journey.domain.ExitReason;
import se.stegvis.placement.domain.PlacementOutcome;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.support.EmbeddedPostgresDataSource;

/**
 * A database of its own for a key-figure fixture: Stegvis' migrations on an embedded PostgreSQL (as in production) or
 * an in-memory H2 (the default profile's engine), and the rows of a hand-built fixture written with plain SQL — the
 * figures are computed by SQL over exactly these rows ({@link KeyFigureService}).
 */
final class FigureDatabase {

    enum Kind { POSTGRESQL, H2 }

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    final DataSource dataSource;
    final JdbcTemplate jdbc;
    private final SyntheticPersonnummer personnummer = new SyntheticPersonnummer(new Random(11));

    FigureDatabase(Kind kind, String name) {
        dataSource = switch (kind) {
            // One connection for the whole fixture: the figures run a dozen queries each time.
            case POSTGRESQL -> new SingleConnectionDataSource(EmbeddedPostgresDataSource.newDatabase(name), "postgres",
                    "postgres", true);
            case H2 -> new SingleConnectionDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", true);
        };
        Flyway.configure().dataSource(dataSource).table("stegvis_schema_history").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    /** The service over this database, with the population per year and the clock at {@code now}. */
    KeyFigureService service(Instant now, java.util.Map<Integer, Long> population) {
        return new KeyFigureService(new NamedParameterJdbcTemplate(dataSource), dataSource,
                new KeyFigureSettings(population), Clock.fixed(now, SWEDEN));
    }

    UUID client(String unit) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into client (id, personnummer, created_at, unit) values (?, ?, ?, ?)", id,
                personnummer.next().value(), ts(Instant.parse("2020-01-01T10:00:00Z")), unit);
        return id;
    }

    /** A monthly application for {@code month} granted {@code amount} (> 0: a household with assistance). */
    UUID granted(UUID client, YearMonth month, long amount) {
        UUID application = UUID.randomUUID();
        Instant submitted = month.atDay(1).atTime(9, 0).atZone(SWEDEN).toInstant();
        jdbc.update("insert into application (id, client_id, for_month, kind, status, adults, submitted_by, submitted_at)"
                + " values (?, ?, ?, 'ATERANSOKAN', 'BESLUTAD', 1, 'etjanst', ?)", application, client, month.toString(),
                ts(submitted));
        UUID decision = UUID.randomUUID();
        jdbc.update("insert into decision (id, application_id, kind, amount, investigator, decided_at)"
                + " values (?, ?, ?, ?, 'handlaggare1', ?)", decision, application, amount > 0 ? "BIFALL" : "AVSLAG",
                amount, ts(submitted.plusSeconds(86_400 * 5)));
        return decision;
    }

    UUID journey(UUID client, LocalDate started) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into client_journey (id, client_id, status, started_at, started_by) values (?, ?, 'AKTIV', ?,"
                + " 'coach1')", id, client, ts(started.atTime(9, 0).atZone(SWEDEN).toInstant()));
        return id;
    }

    void mapped(UUID journey, LocalDate on) {
        jdbc.update("insert into journey_mapping (id, journey_id, education_level, swedish_level, health_limits,"
                + " childcare_need, parental_leave, driving_licence, own_goal, ready_for_company_placement, mapped_by,"
                + " mapped_at) values (?, ?, 'GYMNASIAL', 'FLYTANDE', false, false, false, true, 'ARBETE', true, 'coach1',"
                + " ?)", UUID.randomUUID(), journey, ts(on.atTime(10, 0).atZone(SWEDEN).toInstant()));
    }

    void planAgreed(UUID journey, LocalDate on) {
        UUID plan = UUID.randomUUID();
        Instant at = on.atTime(10, 0).atZone(SWEDEN).toInstant();
        jdbc.update("insert into individual_plan (id, journey_id, current_version, created_at) values (?, ?, 1, ?)", plan,
                journey, ts(at));
        jdbc.update("insert into plan_version (id, plan_id, version_number, goal, created_by, created_at,"
                + " agreed_with_client_at) values (?, ?, 1, 'ARBETE', 'coach1', ?, ?)", UUID.randomUUID(), plan, ts(at),
                ts(at));
    }

    UUID placement(UUID journey, PlacementType type, LocalDate requested, LocalDate started, LocalDate ended,
                   PlacementOutcome outcome, LocalDate switchedToFlexSfi) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into placement (id, journey_id, type, requested_on, matched_on, start_date, end_date, outcome,"
                + " switched_to_flex_sfi_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, journey,
                (switchedToFlexSfi == null ? type : PlacementType.FLEX_SFI).name(), requested, requested, started, ended,
                outcome == null ? null : outcome.name(), switchedToFlexSfi);
        return id;
    }

    void step(UUID journey, LocalDate on, int level) {
        jdbc.update("insert into step_assessment (id, journey_id, assessed_on, coach, step, reason, created_at)"
                + " values (?, ?, ?, 'coach1', ?, 'Bedömd vid uppföljningssamtal', ?)", UUID.randomUUID(), journey, on,
                level, ts(Instant.parse(on + "T12:00:00Z")));
    }

    UUID exit(UUID journey, ExitReason reason, LocalDate on) {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse(on + "T12:00:00Z");
        jdbc.update("insert into journey_exit (id, journey_id, reason, exit_date, registered_by, registered_at)"
                + " values (?, ?, ?, ?, 'coach1', ?)", id, journey, reason.name(), on, ts(at));
        jdbc.update("update client_journey set status = 'AVSLUTAD', ended_at = ? where id = ?", ts(at), journey);
        return id;
    }

    void exitFollowUp(UUID exit, LocalDate on, boolean inWorkOrStudies) {
        jdbc.update("insert into exit_follow_up (id, exit_id, followed_up_on, in_work_or_studies, returned_to_assistance,"
                + " recorded_by) values (?, ?, ?, ?, false, 'coach1')", UUID.randomUUID(), exit, on, inWorkOrStudies);
    }

    /** One Uppföljningssamtal as FollowUpConversationRecorder records it. */
    void followUp(UUID journey, Instant due, Instant ended, boolean completed) {
        jdbc.update("insert into follow_up_conversation (task_id, journey_id, due_at, ended_at, completed)"
                + " values (?, ?, ?, ?, ?)", UUID.randomUUID().toString(), journey, ts(due),
                ended == null ? null : ts(ended), completed);
    }

    /** The key figures' facts from the rows written (the application keeps them up to date on every JPA write). */
    void rebuildFacts() {
        try (var c = dataSource.getConnection()) {
            FigureFacts.rebuild(c);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    static List<Kind> kinds() {
        return List.of(Kind.values());
    }
}
