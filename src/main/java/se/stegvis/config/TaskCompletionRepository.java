package se.stegvis.config;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TaskCompletionRepository extends JpaRepository<TaskCompletion, String> {

    /** The latest completion of a task of the process instance (ties broken by task id, for a stable answer). */
    @Query("select c from TaskCompletion c where c.processInstanceId = :processInstanceId"
            + " and c.taskDefinitionKey = :taskDefinitionKey order by c.completedAt desc, c.taskId desc limit 1")
    Optional<TaskCompletion> findFirstByProcessInstanceIdAndTaskDefinitionKeyOrderByCompletedAtDescTaskIdDesc(
            String processInstanceId, String taskDefinitionKey);
}
