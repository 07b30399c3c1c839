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
import se.stegvis.client.domain.Client;
import se.stegvis.journey.domain.FollowUpConversation;
import se.stegvis.journey.domain.IndividualPlan;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyExit;
import se.stegvis.journey.domain.Mapping;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.journey.domain.StepAssessment;
import se.stegvis.payment.domain.Payment;
import se.stegvis.placement.domain.Placement;

/**
 * Keeps {@link FigureFacts} up to date with every write through JPA, whoever makes it (the processes' delegates, an
 * appeal's new decision, the simulation, the tests' fixtures): a decision written or removed, a komplettering
 * request, an application whose completion time or promised date changed, a payment made or confirmed, a client
 * moved to another unit (the facts per unit count the client there from then on), a journey, its mapping, plan,
 * plan version, placement or exit written (the journeys' phases, {@link JourneyPhases}), a step assessment or a follow-up
 * conversation written ({@link StepFacts}, {@link FollowUpFacts}). The applications touched in a transaction
 * are recomputed once, in that transaction, just before it commits — so the figures never see a decision without
 * its facts, and a rolled-back decision leaves none.
 */
@Component
public class FigureFactsListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    /** Application fields the decision facts depend on (the rest never change, or do not count). */
    private static final Set<String> APPLICATION_FIELDS = Set.of("completeAt", "investigationDue");

    /** What a transaction touched: applications, and clients' payment years. */
    private record Touched(Set<UUID> applications, Set<FigureFacts.ClientYear> payments, Set<UUID> movedClients,
                           Set<UUID> journeys, Set<UUID> plans, Set<UUID> assessedJourneys, Set<String> followUps) {}

    private final Map<EventSource, Touched> pending = new WeakHashMap<>();

    public FigureFactsListener(EntityManagerFactory entityManagerFactory) {
        EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().getService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        touched(event.getSession(), event.getEntity());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        touched(event.getSession(), event.getEntity());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        if (event.getDirtyProperties() == null) {
            return;
        }
        String[] names = event.getPersister().getPropertyNames();
        if (event.getEntity() instanceof Application application
                && Arrays.stream(event.getDirtyProperties()).anyMatch(i -> APPLICATION_FIELDS.contains(names[i]))) {
            touched(event.getSession(), application);
        }
        if (event.getEntity() instanceof Payment payment
                && Arrays.stream(event.getDirtyProperties()).anyMatch(i -> "status".equals(names[i]))) {
            touched(event.getSession(), payment);
        }
        if (event.getEntity() instanceof Journey || event.getEntity() instanceof Mapping
                || event.getEntity() instanceof IndividualPlan || event.getEntity() instanceof PlanVersion
                || event.getEntity() instanceof Placement || event.getEntity() instanceof JourneyExit
                || event.getEntity() instanceof StepAssessment || event.getEntity() instanceof FollowUpConversation) {
            touched(event.getSession(), event.getEntity());
        }
        if (event.getEntity() instanceof Client client
                && Arrays.stream(event.getDirtyProperties()).anyMatch(i -> "unit".equals(names[i]))) {
            touched(event.getSession(), client);
        }
    }

    private void touched(EventSource session, Object entity) {
        UUID application = null;
        FigureFacts.ClientYear payments = null;
        UUID moved = null;
        UUID journey = null;
        UUID plan = null;
        UUID assessed = null;
        String followUp = null;
        if (entity instanceof Decision d) {
            application = d.getApplicationId();
        } else if (entity instanceof SupplementRequest s) {
            application = s.getApplicationId();
        } else if (entity instanceof Application a) {
            application = a.getId();
        } else if (entity instanceof Payment p) {
            payments = new FigureFacts.ClientYear(p.getClientId(), p.getPaymentDate().getYear());
        } else if (entity instanceof Client c) {
            moved = c.getId();
        } else if (entity instanceof Journey j) {
            journey = j.getId();
        } else if (entity instanceof Mapping m) {
            journey = m.getJourneyId();
        } else if (entity instanceof IndividualPlan ip) {
            journey = ip.getJourneyId();
        } else if (entity instanceof PlanVersion v) {
            plan = v.getPlanId();
        } else if (entity instanceof Placement p) {
            journey = p.getJourneyId();
        } else if (entity instanceof JourneyExit x) {
            journey = x.getJourneyId();
        } else if (entity instanceof StepAssessment a) {
            assessed = a.getJourneyId();
        } else if (entity instanceof FollowUpConversation f) {
            followUp = f.getTaskId();
        } else {
            return;
        }
        boolean first;
        synchronized (pending) {
            Touched touched = pending.get(session);
            first = touched == null;
            if (first) {
                touched = new Touched(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(),
                        new HashSet<>(), new HashSet<>(), new HashSet<>());
                pending.put(session, touched);
            }
            if (application != null) {
                touched.applications().add(application);
            }
            if (payments != null) {
                touched.payments().add(payments);
            }
            if (moved != null) {
                touched.movedClients().add(moved);
            }
            if (journey != null) {
                touched.journeys().add(journey);
            }
            if (plan != null) {
                touched.plans().add(plan);
            }
            if (assessed != null) {
                touched.assessedJourneys().add(assessed);
            }
            if (followUp != null) {
                touched.followUps().add(followUp);
            }
        }
        if (first) {
            session.getActionQueue().registerProcess((BeforeTransactionCompletionProcess) s -> refresh(session));
        }
    }

    private void refresh(EventSource session) {
        Touched touched;
        synchronized (pending) {
            touched = pending.remove(session);
        }
        if (touched != null) {
            session.doWork(connection -> FigureFacts.refresh(connection, touched.applications(), touched.payments(),
                    touched.movedClients(), touched.journeys(), touched.plans(), touched.assessedJourneys(), touched.followUps()));
        }
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }
}
