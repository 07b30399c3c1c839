package se.stegvis.metrics;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.stegvis.journey.domain.ExitFollowUp;
import se.stegvis.journey.domain.IndividualPlan;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyExit;
import se.stegvis.journey.domain.Mapping;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.journey.domain.StepAssessment;
import se.stegvis.metrics.JourneyData.FollowUpConversation;
import se.stegvis.placement.domain.Placement;

/**
 * Loads {@link JourneyData}: the journey's tables, and the follow-up conversations from Camunda's history
 * ({@link FollowUpHistory}). Read within the caller's transaction.
 */
@Component
class JourneyDataLoader {

    private final EntityManager entityManager;
    private final FollowUpHistory followUpHistory;
    private final Clock clock;

    JourneyDataLoader(EntityManager entityManager, FollowUpHistory followUpHistory, Clock clock) {
        this.entityManager = entityManager;
        this.followUpHistory = followUpHistory;
        this.clock = clock;
    }

    JourneyData load(Map<YearMonth, Set<UUID>> assisted) {
        List<Journey> journeys = all("select j from Journey j", Journey.class);
        Map<UUID, LocalDate> mapped = new HashMap<>();
        for (Mapping m : all("select m from Mapping m", Mapping.class)) {
            mapped.merge(m.getJourneyId(), day(m.getMappedAt()), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<UUID, UUID> journeyOfPlan = new HashMap<>();
        for (IndividualPlan plan : all("select p from IndividualPlan p", IndividualPlan.class)) {
            journeyOfPlan.put(plan.getId(), plan.getJourneyId());
        }
        Map<UUID, LocalDate> agreed = new HashMap<>();
        for (PlanVersion v : all("select v from PlanVersion v", PlanVersion.class)) {
            UUID journey = journeyOfPlan.get(v.getPlanId());
            if (journey != null && v.getAgreedWithClientAt().isPresent()) {
                agreed.merge(journey, day(v.getAgreedWithClientAt().get()), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return new JourneyData(journeys, mapped, agreed, all("select p from Placement p", Placement.class),
                all("select s from StepAssessment s order by s.assessedOn, s.createdAt", StepAssessment.class),
                all("select e from JourneyExit e", JourneyExit.class),
                all("select f from ExitFollowUp f", ExitFollowUp.class), followUps(journeys), assisted);
    }

    private List<FollowUpConversation> followUps(List<Journey> journeys) {
        Map<String, UUID> journeyOfInstance = new HashMap<>();
        journeys.stream().filter(j -> j.getProcessInstanceId() != null)
                .forEach(j -> journeyOfInstance.put(j.getProcessInstanceId(), j.getId()));
        return followUpHistory.conversations(journeyOfInstance);
    }

    private LocalDate day(java.time.Instant at) {
        return LocalDate.ofInstant(at, clock.getZone());
    }

    private <T> List<T> all(String query, Class<T> type) {
        return entityManager.createQuery(query, type).getResultList();
    }
}
