package se.stegvis.config;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskCompletionRepository extends JpaRepository<TaskCompletion, String> {

    /** The latest completion of a task of the process instance (ties broken by task id, for a stable answer). */
    Optional<TaskCompletion> findFirstByProcessInstanceIdAndTaskDefinitionKeyOrderByCompletedAtDescTaskIdDesc(
            String processInstanceId, String taskDefinitionKey);
}
