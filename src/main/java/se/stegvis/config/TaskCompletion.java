package se.stegvis.config;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One completed user task and who completed it (table task_completion, written by {@link TaskCompletionPlugin}). */
@Entity
@Table(name = "task_completion")
public class TaskCompletion {

    @Id
    @Column(name = "task_id")
    private String taskId;
    @Column(name = "task_definition_key", nullable = false)
    private String taskDefinitionKey;
    @Column(name = "process_instance_id", nullable = false)
    private String processInstanceId;
    @Column(name = "process_definition_key")
    private String processDefinitionKey;
    @Column(name = "completed_by")
    private String completedBy;
    @Column(name = "completed_at", nullable = false)
    private Instant completedAt;

    protected TaskCompletion() {}

    public TaskCompletion(String taskId, String taskDefinitionKey, String processInstanceId, String processDefinitionKey,
            String completedBy, Instant completedAt) {
        this.taskId = taskId;
        this.taskDefinitionKey = taskDefinitionKey;
        this.processInstanceId = processInstanceId;
        this.processDefinitionKey = processDefinitionKey;
        this.completedBy = completedBy;
        this.completedAt = completedAt;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getTaskDefinitionKey() {
        return taskDefinitionKey;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getProcessDefinitionKey() {
        return processDefinitionKey;
    }

    public String getCompletedBy() {
        return completedBy;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }
}
