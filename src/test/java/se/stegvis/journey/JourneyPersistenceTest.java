package se.stegvis.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.application.domain.Reduction;
import se.stegvis.application.domain.ReductionRepository;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.journey.domain.EducationLevel;
import se.stegvis.journey.domain.ExitFollowUp;
import se.stegvis.journey.domain.ExitFollowUpRepository;
import se.stegvis.journey.domain.ExitReason;
import se.stegvis.journey.domain.IndividualPlan;
import se.stegvis.journey.domain.IndividualPlanRepository;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyExit;
import se.stegvis.journey.domain.JourneyExitRepository;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.JourneyStatus;
import se.stegvis.journey.domain.Mapping;
import se.stegvis.journey.domain.MappingRepository;
import se.stegvis.journey.domain.OwnGoal;
import se.stegvis.journey.domain.PlanStep;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.journey.domain.PlanVersionRepository;
import se.stegvis.journey.domain.Sanction;
import se.stegvis.journey.domain.SanctionDecision;
import se.stegvis.journey.domain.SanctionRepository;
import se.stegvis.journey.domain.SanctionStatus;
import se.stegvis.journey.domain.Step;
import se.stegvis.journey.domain.StepAssessment;
import se.stegvis.journey.domain.StepAssessmentRepository;
import se.stegvis.journey.domain.SwedishLevel;
import se.stegvis.letter.DecisionKind;
import se.stegvis.placement.domain.Attendance;
import se.stegvis.placement.domain.AttendanceRepository;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementOutcome;
import se.stegvis.placement.domain.PlacementProvider;
import se.stegvis.placement.domain.PlacementProviderRepository;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.placement.domain.ProviderKind;
import se.stegvis.support.DecisionFixture;
import se.stegvis.support.StegvisSpringTest;

/**
 * The journey's tables (V5__klientresa.sql) against its entities on PostgreSQL: Hibernate validated the mapping at
 * start-up; here one journey is saved and read back through every repository, each call in its own transaction, so
 * what comes back was read from the database.
 */
@StegvisSpringTest
class JourneyPersistenceTest {

    @Autowired ClientRepository clients;
    @Autowired ApplicationRepository applications;
    @Autowired DecisionRepository decisions;
    @Autowired ReductionRepository reductions;
    @Autowired JourneyRepository journeys;
    @Autowired MappingRepository mappings;
    @Autowired IndividualPlanRepository plans;
    @Autowired PlanVersionRepository planVersions;
    @Autowired StepAssessmentRepository assessments;
    @Autowired PlacementProviderRepository providers;
    @Autowired PlacementRepository placements;
    @Autowired AttendanceRepository attendance;
    @Autowired SanctionRepository sanctions;
    @Autowired JourneyExitRepository exits;
    @Autowired ExitFollowUpRepository followUps;
    @Autowired SanctionService sanctionService;
    @Autowired Clock clock;

    @Test
    void savesAndReadsAWholeJourney() {
        DecisionFixture fixture = new DecisionFixture(clients, applications, decisions);
        Client client = fixture.clientWithAccount();
        YearMonth thisMonth = YearMonth.now(clock);
        fixture.decision(fixture.application(client, thisMonth), DecisionKind.BIFALL, 9_000, Instant.now());
        LocalDate today = LocalDate.now(clock);

        Journey journey = journeys.save(new Journey(client.getId(), Instant.now(), "coach1"));
        assertThat(journeys.findByClientIdAndStatus(client.getId(), JourneyStatus.AKTIV)).hasValueSatisfying(
                j -> assertThat(j.getId()).isEqualTo(journey.getId()));

        // Kartläggning
        mappings.save(Mapping.forJourney(journey.getId())
                .education(EducationLevel.FORGYMNASIAL_9_AR).workHistory("Lagerarbete i Syrien, 4 år")
                .swedish(SwedishLevel.SFI_B).parentalLeave(true).childcareNeed(true).drivingLicence(false)
                .monthsSinceLastJob(30).goal(OwnGoal.ARBETE, "Undersköterska").readyForCompanyPlacement(false)
                .mappedBy("coach1", Instant.now()));
        Mapping mapping = mappings.findFirstByJourneyIdOrderByMappedAtDesc(journey.getId()).orElseThrow();
        assertThat(mapping.getSwedishLevel()).isEqualTo(SwedishLevel.SFI_B);
        assertThat(mapping.isOnParentalLeave()).isTrue();
        assertThat(mapping.getMonthsSinceLastJob()).contains(30);
        assertThat(mapping.getGoalOccupation()).contains("Undersköterska");
        assertThat(mapping.hasHealthLimits()).isFalse();

        // Individuell planering, revised once
        IndividualPlan plan = new IndividualPlan(journey.getId(), Instant.now());
        PlanVersion first = plan.revise(OwnGoal.ARBETE, "Undersköterska",
                List.of(new PlanStep("Börja flex-SFI kurs B", today.plusWeeks(2))), List.of(PlacementType.FLEX_SFI),
                null, "coach1", Instant.now());
        first.agreedWithClient(Instant.now());
        plans.save(plan);
        planVersions.save(first);
        PlanVersion second = plan.revise(OwnGoal.ARBETE, "Undersköterska",
                List.of(new PlanStep("Klara SFI kurs C", today.plusMonths(4)),
                        new PlanStep("Söka kombinationsutbildning vård", null)),
                List.of(PlacementType.SFI, PlacementType.KOMBINATIONSUTBILDNING), "Föräldraledigheten är slut",
                "coach1", Instant.now());
        plans.save(plan);
        planVersions.save(second);
        IndividualPlan readPlan = plans.findByJourneyId(journey.getId()).orElseThrow();
        assertThat(readPlan.getCurrentVersion()).isEqualTo(2);
        List<PlanVersion> versions = planVersions.findByPlanIdOrderByVersionNumber(readPlan.getId());
        assertThat(versions).extracting(PlanVersion::getVersionNumber).containsExactly(1, 2);
        assertThat(versions.get(0).getInterventions()).containsExactly(PlacementType.FLEX_SFI);
        assertThat(versions.get(0).getAgreedWithClientAt()).isPresent();
        assertThat(versions.get(1).getSteps()).containsExactly(
                new PlanStep("Klara SFI kurs C", today.plusMonths(4)), new PlanStep("Söka kombinationsutbildning vård", null));
        assertThat(versions.get(1).getInterventions())
                .containsExactly(PlacementType.SFI, PlacementType.KOMBINATIONSUTBILDNING);
        assertThat(versions.get(1).getAgreedWithClientAt()).isEmpty();
        assertThat(versions.get(1).getChangeReason()).contains("Föräldraledigheten är slut");

        // A placement with a provider and a month of attendance
        PlacementProvider school = providers.save(new PlacementProvider("Komvux Norra", ProviderKind.SKOLA, 25));
        Placement placement = new Placement(journey.getId(), PlacementType.SFI, today.minusDays(20));
        placement.matchTo(school, today.minusDays(12));
        placement.start(today.minusDays(5));
        placement.switchToFlexSfi(today.minusDays(1));
        placements.save(placement);
        attendance.save(new Attendance(placement.getId(), thisMonth, 12, 9, 2, "skola", Instant.now()));
        Placement readPlacement = placements.findByJourneyIdOrderByRequestedOn(journey.getId()).get(0);
        assertThat(readPlacement.getType()).isEqualTo(PlacementType.FLEX_SFI);
        assertThat(readPlacement.getProviderId()).contains(school.getId());
        assertThat(readPlacement.waitingDays()).contains(15L);
        assertThat(readPlacement.daysToMatch()).contains(8L);
        assertThat(placements.countByProviderIdAndStartDateNotNullAndEndDateIsNull(school.getId())).isEqualTo(1);
        Attendance readAttendance = attendance.findByPlacementIdAndMonth(placement.getId(), thisMonth.toString()).orElseThrow();
        assertThat(readAttendance.getDaysAbsentUnexcused()).isEqualTo(2);
        assertThat(readAttendance.daysAbsentExcused()).isEqualTo(1);

        // Follow-up with a step assessment
        assessments.save(new StepAssessment(journey.getId(), today, "coach1", Step.FORBEREDANDE_AKTIVITET,
                "Läser flex-SFI under föräldraledigheten", Instant.now()));
        assertThat(assessments.findByJourneyIdOrderByAssessedOnAscCreatedAtAsc(journey.getId()))
                .singleElement().satisfies(a -> {
                    assertThat(a.getStep()).isEqualTo(Step.FORBEREDANDE_AKTIVITET);
                    assertThat(a.getCoach()).isEqualTo("coach1");
                });

        // Absence -> proposal -> kommunicering -> upheld decision -> a reduction of next month
        Sanction proposed = sanctionService.propose(journey.getId(), placement.getId(),
                "Två dagar frånvaro utan godtagbart skäl i " + thisMonth, 1_500, "coach1");
        Sanction communicated = sanctions.findById(proposed.getId()).orElseThrow();
        communicated.communicated(Instant.now(), today.plusDays(7));
        communicated.clientResponded("Jag missade bussen.", Instant.now());
        sanctions.save(communicated);
        sanctionService.decide(proposed.getId(), SanctionDecision.UPHELD, 1_500,
                "Frånvaron saknar godtagbart skäl; skälet prövat i kommuniceringen.", "handlaggare1");
        Sanction decided = sanctions.findById(proposed.getId()).orElseThrow();
        assertThat(decided.getStatus()).isEqualTo(SanctionStatus.BESLUTAD);
        assertThat(decided.getDecision()).contains(SanctionDecision.UPHELD);
        assertThat(decided.getClientResponse()).contains("Jag missade bussen.");
        List<Reduction> nextMonth = reductions.findByClientIdAndMonth(client.getId(), thisMonth.plusMonths(1).toString());
        assertThat(nextMonth).singleElement().satisfies(r -> {
            assertThat(r.getAmount()).isEqualTo(1_500);
            assertThat(decided.getReductionId()).contains(r.getId());
        });
        assertThat(reductions.findByClientIdAndMonth(client.getId(), thisMonth.toString())).isEmpty();

        // Placement ends in work; exit; the follow-up six months later
        readPlacement.end(today, PlacementOutcome.ARBETE, null);
        placements.save(readPlacement);
        JourneyExit exit = exits.save(new JourneyExit(journey.getId(), ExitReason.ARBETE, today, "Fast anställning",
                "coach1", Instant.now()));
        Journey ended = journeys.findById(journey.getId()).orElseThrow();
        ended.end(Instant.now());
        journeys.save(ended);
        followUps.save(new ExitFollowUp(exit, exit.followUpDue(), true, false, "Arbetar kvar", "coach1"));

        assertThat(journeys.findByClientIdAndStatus(client.getId(), JourneyStatus.AKTIV)).isEmpty();
        assertThat(journeys.findById(journey.getId()).orElseThrow().getEndedAt()).isPresent();
        assertThat(placements.findById(placement.getId()).orElseThrow().getOutcome()).contains(PlacementOutcome.ARBETE);
        JourneyExit readExit = exits.findByJourneyId(journey.getId()).orElseThrow();
        assertThat(readExit.getReason()).isEqualTo(ExitReason.ARBETE);
        assertThat(readExit.toWorkOrStudies()).isTrue();
        ExitFollowUp followUp = followUps.findByExitId(readExit.getId()).orElseThrow();
        assertThat(followUp.getFollowedUpOn()).isEqualTo(today.plusMonths(6));
        assertThat(followUp.isInWorkOrStudies()).isTrue();
        assertThat(followUp.hasReturnedToAssistance()).isFalse();
    }

    @Test
    void refusesASanctionForAPersonNeverGrantedAssistance() {
        Client firstTimeApplicant = new DecisionFixture(clients, applications, decisions).clientWithoutAccount();
        Journey journey = journeys.save(new Journey(firstTimeApplicant.getId(), Instant.now(), "coach1"));

        assertThatThrownBy(() -> sanctionService.propose(journey.getId(), null, "Uteblev från praktik", 1_000, "coach1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("redan får försörjningsstöd");
        assertThat(sanctions.findByJourneyIdOrderByProposedAt(journey.getId())).isEmpty();
    }

    @Test
    void aDroppedSanctionLeavesNoReduction() {
        DecisionFixture fixture = new DecisionFixture(clients, applications, decisions);
        Client client = fixture.clientWithoutAccount();
        fixture.decision(fixture.application(client, YearMonth.now(clock)), DecisionKind.BIFALL, 8_000, Instant.now());
        Journey journey = journeys.save(new Journey(client.getId(), Instant.now(), "coach1"));
        Sanction proposed = sanctionService.propose(journey.getId(), null, "Uteblev från arbetsträning", 1_000, "coach1");
        Sanction sanction = sanctions.findById(proposed.getId()).orElseThrow();
        sanction.communicated(Instant.now(), LocalDate.now(clock).plusDays(7));
        sanctions.save(sanction);

        assertThatThrownBy(() -> sanctionService.decide(proposed.getId(), SanctionDecision.UPHELD, 1_000, "Frånvaro",
                "handlaggare1")).as("before the client has answered or the time has run out")
                .isInstanceOf(IllegalStateException.class);

        Sanction answered = sanctions.findById(proposed.getId()).orElseThrow();
        answered.clientResponded("Jag var sjuk, läkarintyg bifogas.", Instant.now());
        sanctions.save(answered);
        sanctionService.decide(proposed.getId(), SanctionDecision.DROPPED, 0, "Sjukdom är ett godtagbart skäl.",
                "handlaggare1");

        Sanction decided = sanctions.findById(proposed.getId()).orElseThrow();
        assertThat(decided.getDecision()).contains(SanctionDecision.DROPPED);
        assertThat(decided.getReductionId()).isEmpty();
        assertThat(reductions.findByClientIdAndMonth(client.getId(), YearMonth.now(clock).plusMonths(1).toString())).isEmpty();
    }
}
