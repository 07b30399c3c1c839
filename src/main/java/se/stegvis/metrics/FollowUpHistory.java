package se.stegvis.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;
import se.stegvis.journey.process.JourneyProcess;
import se.stegvis.metrics.JourneyData.FollowUpConversation;

/**
 * The follow-up conversations (Uppföljningssamtal) of the client journeys, read from Camunda's history: the task's
 * due date is the engine's promise, its end time and delete reason say whether it was held (completed) and when.
 */
@Component
public class FollowUpHistory {

    /** Camunda's delete reason of a completed task (one cancelled with its scope has another). */
    static final String COMPLETED = "completed";

    private final HistoryService historyService;

    public FollowUpHistory(HistoryService historyService) {
        this.historyService = historyService;
    }

    /** Every follow-up conversation with a due date in the process instances of {@code journeyOfInstance}. */
    List<FollowUpConversation> conversations(Map<String, UUID> journeyOfInstance) {
        List<FollowUpConversation> conversations = new ArrayList<>();
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
                .processDefinitionKey(JourneyProcess.PROCESS_KEY).taskDefinitionKey(JourneyProcess.TASK_FOLLOW_UP)
                .list()) {
            UUID journey = journeyOfInstance.get(task.getProcessInstanceId());
            if (journey != null && task.getDueDate() != null) {
                conversations.add(new FollowUpConversation(journey, task.getDueDate().toInstant(),
                        task.getEndTime() == null ? null : task.getEndTime().toInstant(),
                        COMPLETED.equals(task.getDeleteReason())));
            }
        }
        return conversations;
    }
}
