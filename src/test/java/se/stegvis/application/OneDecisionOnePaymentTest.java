package se.stegvis.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.application.process.EkonomisktBistandProcess;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.config.ConflictException;
import se.stegvis.config.Refusal;
import se.stegvis.letter.DecisionKind;
import se.stegvis.payment.PaymentService;
import se.stegvis.payment.domain.PaymentRepository;
import se.stegvis.support.DecisionFixture;
import se.stegvis.support.StegvisSpringTest;

/**
 * One process, one decision and one payment (#12), decided by the database, tried by 10 threads at once: one wins,
 * the others get a 409 refusal (never a 500, never a second row).
 */
@StegvisSpringTest
class OneDecisionOnePaymentTest {

    static final int THREADS = 10;

    @Autowired ClientRepository clients;
    @Autowired ApplicationRepository applications;
    @Autowired DecisionRepository decisions;
    @Autowired DecisionRecords decisionRecords;
    @Autowired PaymentService payments;
    @Autowired PaymentRepository paymentRows;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcTemplate jdbc;

    DecisionFixture fixture() {
        return new DecisionFixture(clients, applications, decisions);
    }

    @Test
    void tenStartsForOneApplicationMakeOneProcess() throws Exception {
        Application application = fixture().application(fixture().clientWithAccount(), YearMonth.now());
        String id = application.getId().toString();

        List<Throwable> refused = race(i -> runtimeService.startProcessInstanceByKey(EkonomisktBistandProcess.PROCESS_KEY,
                id, Map.of(EkonomisktBistandProcess.APPLICATION_ID, id)).getId());

        assertThat(refused).hasSize(THREADS - 1).allSatisfy(e -> assertThat(refusal(e)).isInstanceOf(ConflictException.class));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isOne();
        String bound = applications.findById(application.getId()).orElseThrow().getProcessInstanceId();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId())
                .isEqualTo(bound);
    }

    @Test
    void tenRegistrationsOfOneApplicationMakeOneDecision() throws Exception {
        Application application = fixture().application(fixture().clientWithAccount(), YearMonth.now());

        List<Throwable> refused = race(i -> decisionRecords.register(application.getId(), DecisionKind.BIFALL, 5_000,
                null, "handlaggare" + i, null).getId());

        assertThat(refused).hasSize(THREADS - 1).allSatisfy(e -> assertThat(refusal(e)).isInstanceOf(ConflictException.class));
        assertThat(jdbc.queryForObject("select count(*) from decision where application_id = ?", Long.class,
                application.getId())).isOne();
    }

    @Test
    void aReconsiderationMakesItsOwnLinkedDecision() {
        Application application = fixture().application(fixture().clientWithAccount(), YearMonth.now());
        Decision first = decisionRecords.register(application.getId(), DecisionKind.AVSLAG, 0, "Ej styrkt behov.",
                "handlaggare1", null);
        Decision reconsidered = decisions.saveAndFlush(new Decision(application.getId(), DecisionKind.BIFALL, 4_000,
                null, "handlaggare2", null, Instant.now(), first.getId()));
        assertThat(reconsidered.getReplacesDecisionId()).isEqualTo(first.getId());
        assertThat(decisions.findAll()).filteredOn(d -> d.getApplicationId().equals(application.getId())).hasSize(2);
    }

    @Test
    void tenRegularPaymentsOfOneClientAndMonthMakeOne() throws Exception {
        Client client = fixture().clientWithAccount();
        YearMonth month = YearMonth.now();
        Application application = fixture().application(client, month);
        // Ten decisions for the month (the first and its reconsiderations), each asking for the regular payment.
        List<UUID> decisionIds = new ArrayList<>();
        Decision first = decisionRecords.register(application.getId(), DecisionKind.BIFALL, 3_000, null, "handlaggare1", null);
        decisionIds.add(first.getId());
        for (int i = 1; i < THREADS; i++) {
            decisionIds.add(decisions.saveAndFlush(new Decision(application.getId(), DecisionKind.BIFALL, 3_000 + i,
                    null, "handlaggare1", null, Instant.now(), first.getId())).getId());
        }

        List<Throwable> refused = race(i -> payments.scheduleRegular(decisionIds.get(i), client.getId(), 3_000 + i, month)
                .orElseThrow().getId());

        assertThat(refused).hasSize(THREADS - 1).allSatisfy(e -> assertThat(refusal(e))
                .isInstanceOf(ConflictException.class).extracting(r -> r.status()).isEqualTo(409));
        assertThat(jdbc.queryForObject("select count(*) from payment where client_id = ?", Long.class, client.getId()))
                .isOne();
    }

    @Test
    void tenPaymentsOfOneDecisionAreOne() throws Exception {
        Client client = fixture().clientWithAccount();
        Application application = fixture().application(client, YearMonth.now());
        Decision decision = decisionRecords.register(application.getId(), DecisionKind.BIFALL, 2_500, null,
                "handlaggare1", null);

        List<UUID> ids = new ArrayList<>();
        List<Throwable> refused = race(i -> {
            UUID id = payments.scheduleRegular(decision.getId(), client.getId(), 2_500, YearMonth.now()).orElseThrow().getId();
            synchronized (ids) {
                ids.add(id);
            }
            return id;
        });

        assertThat(refused).isEmpty();
        assertThat(ids).hasSize(THREADS).containsOnly(ids.get(0));
        assertThat(paymentRows.findByDecisionId(decision.getId())).isPresent();
    }

    interface Attempt {
        Object run(int thread) throws Exception;
    }

    /** Runs the attempt in {@value #THREADS} threads released at once; returns what the losers threw. */
    static List<Throwable> race(Attempt attempt) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Object>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                int thread = i;
                Callable<Object> call = () -> {
                    start.await();
                    return attempt.run(thread);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Throwable> failed = new ArrayList<>();
            for (Future<Object> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    failed.add(e.getCause());
                }
            }
            return failed;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The refusal among the exception's causes (the engine wraps a listener's), or null. */
    static Refusal refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refusal r) {
                return r;
            }
        }
        return null;
    }
}
