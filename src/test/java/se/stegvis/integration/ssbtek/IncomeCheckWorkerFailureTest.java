package se.stegvis.integration.ssbtek;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryTopicBuilder;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/** How the worker answers failures that are not the register's: which are retried, which become incidents. */
class IncomeCheckWorkerFailureTest {

    private final ExternalTaskService externalTasks = mock(ExternalTaskService.class);
    private final IncomeCheckService incomeCheck = mock(IncomeCheckService.class);
    private final SsbtekProperties properties = new SsbtekProperties(true, true, Duration.ofSeconds(2),
            Duration.ofMinutes(5), 10, 3, Duration.ofMinutes(1), 100);
    private final IncomeCheckWorker worker = new IncomeCheckWorker(externalTasks, incomeCheck, properties);
    private final LockedExternalTask task = mock(LockedExternalTask.class);

    IncomeCheckWorkerFailureTest() {
        ExternalTaskQueryTopicBuilder fetch = mock(ExternalTaskQueryTopicBuilder.class, RETURNS_SELF);
        when(externalTasks.fetchAndLock(anyInt(), anyString())).thenReturn(fetch);
        when(fetch.execute()).thenReturn(List.of(task));
        when(task.getId()).thenReturn("task-1");
        when(task.getRetries()).thenReturn(null);
        when(task.getVariables()).thenReturn(
                org.camunda.bpm.engine.variable.Variables.fromMap(Map.of(IncomeCheckTopic.APPLICATION_ID,
                        UUID.randomUUID().toString())));
    }

    @Test
    void noConnectionToTheDatabaseIsTriedAgainLaterNotAnIncident() {
        when(incomeCheck.check(any())).thenThrow(new CannotCreateTransactionException("Could not open JPA EntityManager"));

        worker.fetchAndHandle();

        verify(externalTasks).handleFailure(eq("task-1"), anyString(), eq(IncomeCheckWorker.DATABASE_UNAVAILABLE_MESSAGE),
                anyString(), eq(2), eq(Duration.ofMinutes(1).toMillis()));
        verify(externalTasks, never()).complete(anyString(), anyString(), any());
    }

    @Test
    void badDataIsAnIncidentAtOnce() {
        when(incomeCheck.check(any())).thenThrow(new IllegalStateException("Ansökan saknas"));

        worker.fetchAndHandle();

        verify(externalTasks).handleFailure(eq("task-1"), anyString(), anyString(), anyString(), eq(0), anyLong());
    }
}
