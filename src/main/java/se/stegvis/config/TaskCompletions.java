package se.stegvis.config;

import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads who completed a task (table task_completion, written by {@link TaskCompletionPlugin}). */
@Service
public class TaskCompletions {

    private final TaskCompletionRepository completions;

    public TaskCompletions(TaskCompletionRepository completions) {
        this.completions = completions;
    }

    /** Who completed the latest task {@code taskDefinitionKey} of the process instance; empty when none or unknown. */
    public Optional<String> lastCompletedBy(String processInstanceId, String taskDefinitionKey) {
        return completions.findFirstByProcessInstanceIdAndTaskDefinitionKeyOrderByCompletedAtDescTaskIdDesc(
                processInstanceId, taskDefinitionKey).map(TaskCompletion::getCompletedBy);
    }
}
