package se.stegvis.journey.process;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import se.stegvis.config.TaskLifecyclePlugin;
import se.stegvis.config.TaskLifecycleRecorder;
import se.stegvis.journey.domain.FollowUpConversation;
import se.stegvis.journey.domain.FollowUpConversationRepository;

/**
 * Keeps Stegvis' record of each follow-up conversation ({@code Uppföljningssamtal}) in step with its task, named on the
 * task by the property {@value TaskLifecyclePlugin#PROPERTY}: when created its due date, when updated a changed due
 * date, when completed that it was held and when, when deleted (cancelled with the journey) when it ended. The key
 * figure {@code uppfoljning_i_tid} reads these rows, not the engine's history. A task without a due date is no promise
 * and is not recorded.
 */
@Component
public class FollowUpConversationRecorder implements TaskLifecycleRecorder {

    private final FollowUpConversationRepository conversations;
    private final Clock clock;

    public FollowUpConversationRecorder(FollowUpConversationRepository conversations, Clock clock) {
        this.conversations = conversations;
        this.clock = clock;
    }

    @Override
    public void created(DelegateTask task) {
        if (task.getDueDate() != null) {
            conversations.save(new FollowUpConversation(task.getId(), JourneyProcess.journeyId(task),
                    task.getDueDate().toInstant()));
        }
    }

    @Override
    public void updated(DelegateTask task) {
        if (task.getDueDate() != null) {
            conversations.findById(task.getId()).ifPresentOrElse(
                    c -> c.dueAt(task.getDueDate().toInstant()),
                    () -> conversations.save(new FollowUpConversation(task.getId(),
                            JourneyProcess.journeyId(task), task.getDueDate().toInstant())));
        }
    }

    @Override
    public void completed(DelegateTask task) {
        conversations.findById(task.getId()).ifPresent(c -> c.held(clock.instant()));
    }

    @Override
    public void deleted(DelegateTask task) {
        conversations.findById(task.getId()).ifPresent(c -> c.cancelled(clock.instant()));
    }
}
