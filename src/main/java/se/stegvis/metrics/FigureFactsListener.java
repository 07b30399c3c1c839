package se.stegvis.metrics;

import jakarta.persistence.EntityManagerFactory;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import org.hibernate.action.spi.BeforeTransactionCompletionProcess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.SupplementRequest;

/**
 * Keeps {@link FigureFacts} up to date with every write through JPA, whoever makes it (the processes' delegates, an
 * appeal's new decision, the simulation, the tests' fixtures): a decision written or removed, a komplettering
 * request, an application whose completion time or promised date changed. The applications touched in a transaction
 * are recomputed once, in that transaction, just before it commits — so the figures never see a decision without
 * its facts, and a rolled-back decision leaves none.
 */
@Component
public class FigureFactsListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    /** Application fields the decision facts depend on (the rest never change, or do not count). */
    private static final Set<String> APPLICATION_FIELDS = Set.of("completeAt", "investigationDue");

    private final Map<EventSource, Set<UUID>> pending = new WeakHashMap<>();

    public FigureFactsListener(EntityManagerFactory entityManagerFactory) {
        EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().getService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        touched(event.getSession(), applicationOf(event.getEntity()));
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        touched(event.getSession(), applicationOf(event.getEntity()));
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        if (event.getEntity() instanceof Application application && event.getDirtyProperties() != null) {
            String[] names = event.getPersister().getPropertyNames();
            if (Arrays.stream(event.getDirtyProperties()).anyMatch(i -> APPLICATION_FIELDS.contains(names[i]))) {
                touched(event.getSession(), application.getId());
            }
        }
    }

    private static UUID applicationOf(Object entity) {
        if (entity instanceof Decision d) {
            return d.getApplicationId();
        }
        if (entity instanceof SupplementRequest s) {
            return s.getApplicationId();
        }
        return null;
    }

    private void touched(EventSource session, UUID applicationId) {
        if (applicationId == null) {
            return;
        }
        boolean first;
        Set<UUID> ids;
        synchronized (pending) {
            ids = pending.get(session);
            first = ids == null;
            if (first) {
                ids = new HashSet<>();
                pending.put(session, ids);
            }
            ids.add(applicationId);
        }
        if (first) {
            session.getActionQueue().registerProcess((BeforeTransactionCompletionProcess) s -> refresh(session));
        }
    }

    private void refresh(EventSource session) {
        Set<UUID> ids;
        synchronized (pending) {
            ids = pending.remove(session);
        }
        if (ids != null && !ids.isEmpty()) {
            session.doWork(connection -> FigureFacts.refresh(connection, ids));
        }
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }
}
