package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.application.domain.SupplementRequest;
import se.stegvis.application.domain.SupplementRequestRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.letter.DecisionKind;
import se.stegvis.norm.domain.Household;
import se.stegvis.norm.domain.ReasonableCosts;
import se.stegvis.support.StegvisSpringTest;

/**
 * The key figures' facts follow every write through JPA in the same transaction (FigureFactsListener): a grant, a
 * reconsideration that takes it back, a komplettering, a rolled-back decision; and whatever the other tests wrote
 * (payments confirmed among them), the facts kept up to date equal the facts rebuilt from the source tables.
 */
@StegvisSpringTest
class FigureFactsTest {

    @Autowired ClientRepository clients;
    @Autowired ApplicationRepository applications;
    @Autowired DecisionRepository decisions;
    @Autowired SupplementRequestRepository supplements;
    @Autowired se.stegvis.journey.domain.JourneyRepository journeys;
    @Autowired se.stegvis.journey.domain.MappingRepository mappings;
    @Autowired se.stegvis.journey.domain.JourneyExitRepository exits;
    @Autowired se.stegvis.journey.domain.StepAssessmentRepository assessments;
    @Autowired se.stegvis.journey.domain.FollowUpConversationRepository conversations;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aDecisionAReconsiderationAndAKompletteringUpdateTheFactsInTheirTransaction() {
        Client client = tx.execute(s -> clients.save(new Client(new SyntheticPersonnummer(new Random(2016)).next(),
                Instant.parse("2016-01-01T10:00:00Z"))));
        Application application = tx.execute(s -> {
            Application a = new Application(client, YearMonth.of(2016, 3), ApplicationKind.NYANSOKAN,
                    Household.withAges(2, List.of(3, 5), 0), ReasonableCosts.NONE, List.of(), "etjanst",
                    Instant.parse("2016-03-01T08:00:00Z"));
            a.setCompleteAt(Instant.parse("2016-03-02T08:00:00Z"));
            a.setInvestigationDue(LocalDate.of(2016, 3, 16));
            return applications.save(a);
        });
        Decision granted = tx.execute(s -> decisions.save(new Decision(application.getId(), DecisionKind.BIFALL, 4000,
                null, "handlaggare1", null, Instant.parse("2016-03-10T10:00:00Z"), null)));
        assertThat(persons(client.getId(), 2016, 3)).isEqualTo(4);
        assertThat(jdbc.queryForMap("select first_decision, days_to_decision, in_time, with_supplement"
                + " from figure_decision where decision_id = ?", granted.getId())).containsEntry("days_to_decision", 8)
                .containsEntry("in_time", true).containsEntry("with_supplement", false);

        // A rolled-back reconsideration leaves no facts (an application has one first decision: the database refuses
        // a second).
        tx.executeWithoutResult(s -> {
            decisions.save(new Decision(application.getId(), DecisionKind.AVSLAG, 0, "Fel", "handlaggare1", null,
                    Instant.parse("2016-03-11T10:00:00Z"), granted.getId()));
            decisions.flush();
            s.setRollbackOnly();
        });
        assertThat(persons(client.getId(), 2016, 3)).isEqualTo(4);

        // Reconsidered to nothing: the latest decision counts, no household with assistance that month.
        tx.executeWithoutResult(s -> decisions.save(new Decision(application.getId(), DecisionKind.AVSLAG, 0,
                "Omprövat", "handlaggare1", null, Instant.parse("2016-04-02T10:00:00Z"), granted.getId())));
        assertThat(jdbc.queryForObject("select count(*) from figure_household_year where client_id = ?", Long.class,
                client.getId())).isZero();
        assertThat(jdbc.queryForList("select first_decision from figure_decision where application_id = ?"
                + " order by decided_at", Boolean.class, application.getId())).containsExactly(true, false);

        // A komplettering asked for now still counts for the application's first decision.
        tx.executeWithoutResult(s -> supplements.save(new SupplementRequest(application.getId(), "Kontoutdrag",
                "handlaggare1", Instant.parse("2016-04-03T10:00:00Z"), LocalDate.of(2016, 4, 10))));
        assertThat(jdbc.queryForObject("select with_supplement from figure_decision where decision_id = ?",
                Boolean.class, granted.getId())).isTrue();
    }

    @Test
    void theFactsKeptUpToDateEqualTheFactsRebuiltFromTheRecords() {
        String households = "select client_id, for_year, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, unit"
                + " from figure_household_year order by client_id, for_year";
        String decisionFacts = "select decision_id, application_id, client_id, decided_at, first_decision, attested,"
                + " days_to_decision, in_time, with_supplement, decided_month, unit from figure_decision"
                + " order by decision_id";
        String decisionMonths = "select for_month, unit, first_decision, days_to_decision, decisions, in_time,"
                + " with_supplement, attested from figure_decision_month"
                + " order by for_month, unit, first_decision, days_to_decision";
        String householdMonths = "select for_month, unit, households, persons, inflow, outflow, long_term"
                + " from figure_household_month order by for_month, unit";
        String paymentMonths = "select for_month, unit, amount, households from figure_payment_month"
                + " order by for_month, unit";
        String journeyPhases = "select journey_id, phase, for_month, delta, unit from figure_journey_phase"
                + " order by journey_id, phase, for_month";
        String phaseMonths = "select for_month, unit, phase, delta from figure_phase_month order by for_month, unit, phase";
        String steps = "select assessment_id, client_id, journey_id, unit, assessed_on, step, prev_on, prev_step"
                + " from figure_step order by assessment_id";
        String followUps = "select task_id, client_id, unit, due_at, ended_at, completed from figure_follow_up"
                + " order by task_id";
        String payments = "select client_id, for_year, a01, a02, a03, a04, a05, a06, a07, a08, a09, a10, a11, a12, unit"
                + " from figure_payment_year order by client_id, for_year";
        List<Map<String, Object>>[] kept = tx.execute(s -> new List[] {jdbc.queryForList(households),
                jdbc.queryForList(decisionFacts), jdbc.queryForList(payments), jdbc.queryForList(decisionMonths),
                jdbc.queryForList(householdMonths), jdbc.queryForList(paymentMonths),
                jdbc.queryForList(journeyPhases), jdbc.queryForList(phaseMonths), jdbc.queryForList(steps),
                jdbc.queryForList(followUps)});
        List<Map<String, Object>>[] rebuilt = tx.execute(s -> {
            jdbc.execute((java.sql.Connection c) -> {
                FigureFacts.rebuild(c);
                return null;
            });
            List<Map<String, Object>>[] result = new List[] {jdbc.queryForList(households),
                    jdbc.queryForList(decisionFacts), jdbc.queryForList(payments), jdbc.queryForList(decisionMonths),
                jdbc.queryForList(householdMonths), jdbc.queryForList(paymentMonths),
                jdbc.queryForList(journeyPhases), jdbc.queryForList(phaseMonths), jdbc.queryForList(steps),
                jdbc.queryForList(followUps)};
            s.setRollbackOnly();
            return result;
        });
        assertThat(kept[0]).isEqualTo(rebuilt[0]);
        assertThat(kept[1]).isEqualTo(rebuilt[1]);
        assertThat(kept[2]).isEqualTo(rebuilt[2]);
        assertThat(kept[3]).isEqualTo(rebuilt[3]);
        assertThat(kept[4]).isEqualTo(rebuilt[4]);
        assertThat(kept[5]).isEqualTo(rebuilt[5]);
        assertThat(kept[6]).isEqualTo(rebuilt[6]);
        assertThat(kept[7]).isEqualTo(rebuilt[7]);
        assertThat(kept[8]).isEqualTo(rebuilt[8]);
        assertThat(kept[9]).isEqualTo(rebuilt[9]);
    }

    @Test
    void aClientMovedToAnotherUnitTakesTheirDecisionsAlongInTheFactsPerMonth() {
        Client client = tx.execute(s -> {
            Client c = new Client(new SyntheticPersonnummer(new Random(2017)).next(), Instant.parse("2017-01-01T10:00:00Z"));
            c.setUnit("Hageby");
            return clients.save(c);
        });
        tx.executeWithoutResult(s -> {
            Application a = new Application(client, YearMonth.of(2017, 5), ApplicationKind.NYANSOKAN,
                    Household.withAges(1, List.of(), 0), ReasonableCosts.NONE, List.of(), "etjanst",
                    Instant.parse("2017-05-02T08:00:00Z"));
            a.setCompleteAt(Instant.parse("2017-05-03T08:00:00Z"));
            a.setInvestigationDue(LocalDate.of(2017, 5, 17));
            applications.save(a);
            // 2017-05-31 23:30 in Sweden, June in UTC: counted in May.
            decisions.save(new Decision(a.getId(), DecisionKind.BIFALL, 3000, null, "handlaggare1", "attest1",
                    Instant.parse("2017-05-31T21:30:00Z"), null));
        });
        int may = 2017 * 12 + 5;
        String row = "select decisions, in_time, attested from figure_decision_month where for_month = ? and unit = ?"
                + " and first_decision and days_to_decision = 28";
        assertThat(jdbc.queryForList(row, may, "Hageby")).containsExactly(
                Map.of("decisions", 1L, "in_time", 0L, "attested", 1L));

        tx.executeWithoutResult(s -> clients.findById(client.getId()).orElseThrow().setUnit("Centrum"));

        assertThat(jdbc.queryForList(row, may, "Hageby")).isEmpty();
        assertThat(jdbc.queryForList(row, may, "Centrum")).containsExactly(
                Map.of("decisions", 1L, "in_time", 0L, "attested", 1L));
    }

    @Test
    void aJourneyMappedAndEndedThroughJpaHasItsPhasesCountedPerMonth() {
        Client client = tx.execute(s -> {
            Client c = new Client(new SyntheticPersonnummer(new Random(2018)).next(), Instant.parse("2018-01-01T10:00:00Z"));
            c.setUnit("Navestad");
            return clients.save(c);
        });
        var journey = tx.execute(s -> journeys.save(new se.stegvis.journey.domain.Journey(client.getId(),
                Instant.parse("2018-01-10T09:00:00Z"), "coach1")));
        tx.executeWithoutResult(s -> mappings.save(se.stegvis.journey.domain.Mapping.forJourney(journey.getId())
                .education(se.stegvis.journey.domain.EducationLevel.GYMNASIAL)
                .swedish(se.stegvis.journey.domain.SwedishLevel.FLYTANDE)
                .goal(se.stegvis.journey.domain.OwnGoal.ARBETE, "Lagerarbetare").readyForCompanyPlacement(true)
                .mappedBy("coach1", Instant.parse("2018-02-05T10:00:00Z"))));
        String phases = "select phase, for_month, delta from figure_journey_phase where journey_id = ?"
                + " order by phase, for_month";
        int january = 2018 * 12 + 1;
        int open = 9999 * 12 + 12;
        assertThat(jdbc.queryForList(phases, journey.getId())).containsExactly(
                Map.of("phase", "KARTLAGGNING", "for_month", january, "delta", 1),
                Map.of("phase", "KARTLAGGNING", "for_month", january + 1, "delta", -1),
                Map.of("phase", "PLANERING", "for_month", january + 1, "delta", 1),
                Map.of("phase", "PLANERING", "for_month", open, "delta", -1));

        // Ended on 2018-04-20: planering ends there.
        tx.executeWithoutResult(s -> {
            exits.save(new se.stegvis.journey.domain.JourneyExit(journey.getId(),
                    se.stegvis.journey.domain.ExitReason.FLYTTAT, LocalDate.of(2018, 4, 20), null, "coach1",
                    Instant.parse("2018-04-20T10:00:00Z")));
            var j = journeys.findById(journey.getId()).orElseThrow();
            j.end(Instant.parse("2018-04-20T10:00:00Z"));
        });
        assertThat(jdbc.queryForList(phases, journey.getId())).containsExactly(
                Map.of("phase", "KARTLAGGNING", "for_month", january, "delta", 1),
                Map.of("phase", "KARTLAGGNING", "for_month", january + 1, "delta", -1),
                Map.of("phase", "PLANERING", "for_month", january + 1, "delta", 1),
                Map.of("phase", "PLANERING", "for_month", january + 3, "delta", -1));
        assertThat(jdbc.queryForObject("select delta from figure_phase_month where for_month = ? and unit = 'Navestad'"
                + " and phase = 'PLANERING'", Long.class, january + 3)).isEqualTo(-1);
    }

    @Test
    void aStepAssessmentRecordedForAnEarlierDayBecomesItsSuccessorsPredecessorAndMovesWithTheClient() {
        Client client = tx.execute(s -> {
            Client c = new Client(new SyntheticPersonnummer(new Random(2019)).next(), Instant.parse("2019-01-01T10:00:00Z"));
            c.setUnit("Hageby");
            return clients.save(c);
        });
        var first = tx.execute(s -> journeys.save(new se.stegvis.journey.domain.Journey(client.getId(),
                Instant.parse("2019-01-10T09:00:00Z"), "coach1")));
        var second = tx.execute(s -> journeys.save(new se.stegvis.journey.domain.Journey(client.getId(),
                Instant.parse("2019-06-10T09:00:00Z"), "coach1")));
        tx.executeWithoutResult(s -> assessments.save(new se.stegvis.journey.domain.StepAssessment(second.getId(),
                LocalDate.of(2019, 7, 1), "coach1", se.stegvis.journey.domain.Step.ofLevel(4), "Bedömd",
                Instant.parse("2019-07-01T10:00:00Z"))));
        String facts = "select assessed_on, step, prev_on, prev_step, unit from figure_step where client_id = ?"
                + " order by assessed_on";
        Map<String, Object> july = new java.util.HashMap<>(Map.of("assessed_on", java.sql.Date.valueOf("2019-07-01"),
                "step", 4, "unit", "Hageby"));
        july.put("prev_on", null);
        july.put("prev_step", null);
        assertThat(jdbc.queryForList(facts, client.getId())).containsExactly(july);

        // Recorded later for a day before, on the client's other journey: the July assessment's predecessor.
        tx.executeWithoutResult(s -> assessments.save(new se.stegvis.journey.domain.StepAssessment(first.getId(),
                LocalDate.of(2019, 3, 1), "coach1", se.stegvis.journey.domain.Step.ofLevel(2), "Bedömd",
                Instant.parse("2019-08-01T10:00:00Z"))));
        Map<String, Object> march = new java.util.HashMap<>(Map.of("assessed_on", java.sql.Date.valueOf("2019-03-01"),
                "step", 2, "unit", "Hageby"));
        march.put("prev_on", null);
        march.put("prev_step", null);
        july.put("prev_on", java.sql.Date.valueOf("2019-03-01"));
        july.put("prev_step", 2);
        assertThat(jdbc.queryForList(facts, client.getId())).containsExactly(march, july);

        tx.executeWithoutResult(s -> clients.findById(client.getId()).orElseThrow().setUnit("Centrum"));
        assertThat(jdbc.queryForList("select unit from figure_step where client_id = ?", String.class, client.getId()))
                .containsExactly("Centrum", "Centrum");
    }

    @Test
    void aFollowUpConversationCreatedAndHeldThroughJpaHasItsFactWithTheClientsUnit() {
        Client client = tx.execute(s -> {
            Client c = new Client(new SyntheticPersonnummer(new Random(2020)).next(), Instant.parse("2020-01-01T10:00:00Z"));
            c.setUnit("Skärblacka");
            return clients.save(c);
        });
        var journey = tx.execute(s -> journeys.save(new se.stegvis.journey.domain.Journey(client.getId(),
                Instant.parse("2020-01-10T09:00:00Z"), "coach1")));
        String task = "figure-facts-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> conversations.save(new se.stegvis.journey.domain.FollowUpConversation(task,
                journey.getId(), Instant.parse("2020-02-10T09:00:00Z"))));
        String fact = "select client_id, unit, ended_at, completed from figure_follow_up where task_id = ?";
        Map<String, Object> open = new java.util.HashMap<>(Map.of("client_id", client.getId(), "unit", "Skärblacka",
                "completed", false));
        open.put("ended_at", null);
        assertThat(jdbc.queryForList(fact, task)).containsExactly(open);

        tx.executeWithoutResult(s -> conversations.findById(task).orElseThrow()
                .held(Instant.parse("2020-02-09T15:00:00Z")));
        assertThat(jdbc.queryForMap(fact, task)).containsEntry("completed", true)
                .containsEntry("ended_at", java.sql.Timestamp.from(Instant.parse("2020-02-09T15:00:00Z")));
    }

    private int persons(UUID client, int year, int month) {
        return jdbc.queryForObject("select p%02d from figure_household_year where client_id = ? and for_year = ?"
                .formatted(month), Integer.class, client, year);
    }
}
