package se.stegvis.integration.ssbtek;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.junit.jupiter.api.Test;

/** The poller fetches at once when the engine signals a new external task, not only after its interval. */
class IncomeCheckPollingTest {

    @Test
    void aNewExternalTaskIsFetchedWithoutWaitingForTheInterval() {
        IncomeCheckWorker worker = mock(IncomeCheckWorker.class);
        when(worker.fetchAndHandle()).thenReturn(0);
        // An interval far longer than the test: only the signal can make the second fetch happen.
        IncomeCheckPolling polling = new IncomeCheckPolling(worker, new SsbtekProperties(true, true,
                Duration.ofHours(1), Duration.ofMinutes(5), 10, 3, Duration.ofMinutes(1), 100));
        polling.start();
        try {
            verify(worker, timeout(10_000).times(1)).fetchAndHandle();
            // What the engine does when a transaction that created an external task commits.
            ProcessEngineImpl.EXT_TASK_CONDITIONS.signalAll();
            verify(worker, timeout(10_000).times(2)).fetchAndHandle();
        } finally {
            polling.stop();
        }
    }

    @Test
    void aBatchIsFollowedByTheNextUntilNoneIsLeft() {
        IncomeCheckWorker worker = mock(IncomeCheckWorker.class);
        when(worker.fetchAndHandle()).thenReturn(10, 10, 3, 0);
        IncomeCheckPolling polling = new IncomeCheckPolling(worker, new SsbtekProperties(true, true,
                Duration.ofHours(1), Duration.ofMinutes(5), 10, 3, Duration.ofMinutes(1), 100));
        polling.start();
        try {
            verify(worker, timeout(10_000).times(4)).fetchAndHandle();
        } finally {
            polling.stop();
        }
        verify(worker, times(4)).fetchAndHandle();
    }
}
