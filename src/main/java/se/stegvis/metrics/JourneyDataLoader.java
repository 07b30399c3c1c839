package se.stegvis.metrics;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;
import se.stegvis.journey.domain.ExitFollowUp;
import se.stegvis.journey.domain.IndividualPlan;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyExit;
import se.stegvis.journey.domain.Mapping;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.journey.domain.StepAssessment;
import se.stegvis.journey.process.JourneyProcess;
import se.stegvis.metrics.JourneyData.FollowUpConversation;
import se.stegvis.placement.domain.Placement;

/**
 * Loads {@link JourneyData}: the journey's tables, and the follow-up conversations from Camunda's history (their due
 * and end times are the engine's own record of whether a conversation was held in time). Read within the caller's
 * transaction.
 */
@Component
class JourneyDataLoader {

    /** Camunda's delete reason of a task that was completed (rather than cancelled with its scope). */
    static final String COMPLETED = "completed";

    private final EntityManager entityManager;
    private final HistoryService historyService;
    private final Clock clock;

    JourneyDataLoader(EntityManager entityManager, HistoryService historyService, Clock clock) {
        this.entityManager = entityManager;
        this.historyService = historyService;
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
        List<FollowUpConversation> followUps = new ArrayList<>();
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
                .processDefinitionKey(JourneyProcess.PROCESS_KEY).taskDefinitionKey(JourneyProcess.TASK_FOLLOW_UP)
                .list()) {
            UUID journey = journeyOfInstance.get(task.getProcessInstanceId());
            if (journey != null && task.getDueDate() != null) {
                followUps.add(new FollowUpConversation(journey, task.getDueDate().toInstant(),
                        task.getEndTime() == null ? null : task.getEndTime().toInstant(),
                        COMPLETED.equals(task.getDeleteReason())));
            }
        }
        return followUps;
    }

    private LocalDate day(java.time.Instant at) {
        return LocalDate.ofInstant(at, clock.getZone());
    }

    private <T> List<T> all(String query, Class<T> type) {
        return entityManager.createQuery(query, type).getResultList();
    }
}
