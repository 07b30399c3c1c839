package se.stegvis.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link TaskCompletionPlugin} with the engine; completions go to the table task_completion. The repository
 * is looked up when a task completes (the engine is built before JPA is ready); the identity service is the engine's.
 */
@Configuration(proxyBeanMethods = false)
public class TaskCompletionConfig {

    @Bean
    TaskCompletionPlugin taskCompletionPlugin(ObjectProvider<TaskCompletionRepository> completions) {
        return new TaskCompletionPlugin(completed -> completions.getObject().save(new TaskCompletion(completed.taskId(),
                completed.taskDefinitionKey(), completed.processInstanceId(), completed.processDefinitionKey(),
                completed.completedBy(), completed.completedAt())), null);
    }

    /** Completing a task or starting a process takes the fields of its form only (#12). */
    @Bean
    FormFieldsOnlyPlugin formFieldsOnlyPlugin() {
        return new FormFieldsOnlyPlugin();
    }
}
