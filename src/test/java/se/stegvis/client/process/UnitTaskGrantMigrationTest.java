package se.stegvis.client.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The migration of bare-role task grants is a lifecycle of the application context: it runs on a thread of its own
 * after start, and when the context closes it stops after the task it is routing instead of running on. (That it
 * routes correctly is {@code UnitTaskScopeTest}'s.)
 */
class UnitTaskGrantMigrationTest {

    final AuthorizationService authorizations = mock(AuthorizationService.class);
    final AuthorizationQuery query = mock(AuthorizationQuery.class, RETURNS_SELF);
    final ClientTaskRouting routing = mock(ClientTaskRouting.class);
    final UnitTaskGrantMigration migration = new UnitTaskGrantMigration(authorizations, routing);

    @BeforeEach
    void threeTasksGrantedOnTheBareRole() {
        when(authorizations.createAuthorizationQuery()).thenReturn(query);
        List<Authorization> grants = List.of(grant("task-1"), grant("task-2"), grant("task-3"));
        when(query.listPage(anyInt(), anyInt())).thenReturn(grants);
    }

    @AfterEach
    void stopped() {
        migration.stop();
    }

    @Test
    void routesEveryTaskAfterStartAndThenIsNoLongerRunning() throws InterruptedException {
        migration.start();
        awaitNotRunning();

        verify(routing).rerouteTask("task-1");
        verify(routing).rerouteTask("task-2");
        verify(routing).rerouteTask("task-3");
        CountDownLatch stopped = new CountDownLatch(1);
        migration.stop(stopped::countDown);
        assertThat(stopped.getCount()).as("nothing to wait for").isZero();
    }

    @Test
    void stopsAfterTheTaskItIsRoutingWhenTheContextCloses() throws InterruptedException {
        CountDownLatch routingFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        when(routing.rerouteTask("task-1")).thenAnswer(call -> {
            routingFirst.countDown();
            return release.await(10, TimeUnit.SECONDS);
        });

        migration.start();
        assertThat(routingFirst.await(10, TimeUnit.SECONDS)).as("the first task is being routed").isTrue();
        assertThat(migration.isRunning()).isTrue();
        CountDownLatch stopped = new CountDownLatch(1);
        migration.stop(stopped::countDown);
        assertThat(stopped.getCount()).as("the task being routed is finished first").isEqualTo(1);
        release.countDown();

        assertThat(stopped.await(10, TimeUnit.SECONDS)).as("stopped").isTrue();
        assertThat(migration.isRunning()).isFalse();
        verify(routing).rerouteTask("task-1");
        verify(routing, never()).rerouteTask("task-2");
        verify(routing, never()).rerouteTask("task-3");
    }

    private void awaitNotRunning() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (migration.isRunning() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(migration.isRunning()).as("finished").isFalse();
    }

    private static Authorization grant(String taskId) {
        Authorization grant = mock(Authorization.class);
        when(grant.getResourceId()).thenReturn(taskId);
        return grant;
    }
}
