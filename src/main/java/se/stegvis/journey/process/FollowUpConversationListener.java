package se.stegvis.journey.process;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.journey.domain.FollowUpConversation;
import se.stegvis.journey.domain.FollowUpConversationRepository;

/**
 * Keeps Stegvis' record of each follow-up conversation ({@code Uppföljningssamtal}) in step with its task: on
 * {@code create} the due date, on {@code update} a changed due date, on {@code complete} that it was held and when, on
 * {@code delete} (cancelled with the journey) when it ended. The key figure {@code uppfoljning_i_tid} reads these
 * rows, not the engine's history. A task without a due date is no promise and is not recorded.
 */
@Component
public class FollowUpConversationListener implements TaskListener {

    private final FollowUpConversationRepository conversations;
    private final Clock clock;

    public FollowUpConversationListener(FollowUpConversationRepository conversations, Clock clock) {
        this.conversations = conversations;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                if (task.getDueDate() != null) {
                    conversations.save(new FollowUpConversation(task.getId(), JourneyProcess.journeyId(task),
                            task.getDueDate().toInstant()));
                }
            }
            case EVENTNAME_UPDATE -> {
                if (task.getDueDate() != null) {
                    conversations.findById(task.getId()).ifPresentOrElse(
                            c -> c.dueAt(task.getDueDate().toInstant()),
                            () -> conversations.save(new FollowUpConversation(task.getId(),
                                    JourneyProcess.journeyId(task), task.getDueDate().toInstant())));
                }
            }
            case EVENTNAME_COMPLETE -> conversations.findById(task.getId()).ifPresent(c -> c.held(clock.instant()));
            case EVENTNAME_DELETE -> conversations.findById(task.getId()).ifPresent(c -> c.cancelled(clock.instant()));
            default -> { }
        }
    }
}
