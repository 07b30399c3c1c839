package se.stegvis.application;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ExtraNeedKind;
import se.stegvis.application.process.EkonomisktBistandProcess;
import se.stegvis.client.ClientUnits;
import se.stegvis.client.ProtectionService;
import se.stegvis.client.UnitSettings;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.client.domain.PayoutAccount;
import se.stegvis.payment.PayoutAccountService;
import se.stegvis.config.ConflictException;
import se.stegvis.config.Refusal;
import se.stegvis.config.TransactionLocks;
import se.stegvis.client.domain.ProtectionChange;

/** Receives applications: stores them and starts the process, once per idempotency key. */
@Service
public class ApplicationService {

    private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);

    /**
     * The kinds of which a client has at most one per month: the monthly application, new or repeated. A
     * tilläggsansökan (an extra need) may come beside it, and more than once.
     */
    static final Set<ApplicationKind> ONE_PER_MONTH = EnumSet.of(ApplicationKind.NYANSOKAN, ApplicationKind.ATERANSOKAN);
    private static final int ATTEMPTS = 3;

    private final ClientRepository clients;
    private final ApplicationRepository applications;
    private final RuntimeService runtimeService;
    private final UnitSettings units;
    private final Clock clock;
    private final TransactionLocks locks;
    private final TransactionTemplate transaction;
    private final ProtectionService protection;
    private final PayoutAccountService payoutAccounts;
    private final ClientUnits clientUnits;

    public ApplicationService(ClientRepository clients, ApplicationRepository applications,
                              RuntimeService runtimeService, UnitSettings units, Clock clock, TransactionLocks locks,
                              PlatformTransactionManager transactions, ProtectionService protection,
                              PayoutAccountService payoutAccounts, ClientUnits clientUnits) {
        this.payoutAccounts = payoutAccounts;
        this.clientUnits = clientUnits;
        this.clients = clients;
        this.applications = applications;
        this.runtimeService = runtimeService;
        this.units = units;
        this.clock = clock;
        this.locks = locks;
        this.transaction = new TransactionTemplate(transactions);
        this.protection = protection;
    }

    /** The outcome: the application, and whether this call created it. */
    public record Submitted(Application application, boolean created) {}

    /** {@link #submit(SubmitApplication, String, String, String)} without a hash of the request. */
    public Submitted submit(SubmitApplication command, String submittedBy, String idempotencyKey) {
        return submit(command, submittedBy, idempotencyKey, null);
    }

    /**
     * Stores the application and starts its process in one transaction. With an idempotency key, the key belongs to
     * the submitter and the request: the same submitter sending the same request again — also many copies at the same
     * moment — gets the first application back and nothing more is started; the key with another request or from
     * another submitter is refused ({@link IdempotencyKeyReusedException}, HTTP 422). Copies of one request wait for
     * each other ({@link TransactionLocks}), so none of them fails on the unique key.
     *
     * @param requestHash a hash of the request's content (see the controller), or null to bind the key to the
     *                    submitter only
     */
    public Submitted submit(SubmitApplication command, String submittedBy, String idempotencyKey, String requestHash) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> submitOnce(command, submittedBy, idempotencyKey, requestHash));
            } catch (DataIntegrityViolationException e) {
                // Only where the database has no advisory locks (H2): a copy won the race; the next attempt finds it.
                if (attempt == ATTEMPTS) {
                    throw new ConflictException(idempotencyKey != null ? "Idempotency-Key" : "personnummer",
                            "Ansökan registreras samtidigt av en annan begäran. Försök igen.");
                }
                log.info("Concurrent submission (attempt {}): {}", attempt, e.getClass().getSimpleName());
            }
        }
    }

    private Submitted submitOnce(SubmitApplication command, String submittedBy, String idempotencyKey,
                                 String requestHash) {
        if (idempotencyKey != null) {
            locks.lock("idempotency-key:" + idempotencyKey);
            Optional<Application> earlier = applications.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                Application first = earlier.get();
                if (!first.getSubmittedBy().equals(submittedBy)
                        || (first.getRequestHash() != null && !Objects.equals(first.getRequestHash(), requestHash))) {
                    throw new IdempotencyKeyReusedException();
                }
                return new Submitted(first, false);
            }
        }
        Application application = register(command, submittedBy, idempotencyKey);
        application.setRequestHash(requestHash);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(EkonomisktBistandProcess.PROCESS_KEY,
                application.getId().toString(),
                Map.of(EkonomisktBistandProcess.APPLICATION_ID, application.getId().toString()));
        application.setProcessInstanceId(instance.getId());
        log.info("Application {} received ({}, {}), process {}", application.getId(), command.kind(), command.month(),
                instance.getId());
        return new Submitted(application, true);
    }

    /**
     * Binds a process that is starting to its application: an application is handled by one process. A start naming
     * an application that has another process is refused (409), one naming no application we have is refused (400);
     * of concurrent starts for one application exactly one binds it (a conditional update decides, not a look-up).
     */
    @Transactional
    public void bindProcess(UUID applicationId, String processInstanceId) {
        if (applications.bindProcess(applicationId, processInstanceId) == 1) {
            return;
        }
        if (applications.existsById(applicationId)) {
            throw new se.stegvis.config.ConflictException(EkonomisktBistandProcess.APPLICATION_ID,
                    "Ansökan handläggs redan i en process: en ansökan har en process och ett beslut.");
        }
        throw new se.stegvis.config.InvalidRequestException(EkonomisktBistandProcess.APPLICATION_ID,
                "Det finns ingen ansökan med det id:t.");
    }

    /**
     * Stores the application only: for a process that is already starting (a caseworker's start form). Refuses a
     * second monthly application (new or repeated) for the same client and month with 409, whatever the state of the
     * first: the model has no withdrawal, a refusal is reconsidered (omprövning) or appealed rather than applied for
     * again, and changed circumstances come as a komplettering of the first or as a tilläggsansökan, which is always
     * accepted. Submissions for one person wait for each other, so two at the same moment cannot both get through.
     */
    @Transactional
    public Application register(SubmitApplication command, String submittedBy, String idempotencyKey) {
        locks.lock("client:" + command.applicant().value());
        Client client = clients.findByPersonnummer(command.applicant().value())
                .orElseGet(() -> clients.save(new Client(command.applicant(), clock.instant())));
        if (ONE_PER_MONTH.contains(command.kind()) && client.getId() != null) {
            applications.idsForMonth(client.getId(), command.month().toString(), ONE_PER_MONTH).stream()
                    .findFirst()
                    .ifPresent(first -> {
                        throw new ConflictException("month", "Det finns redan en ansökan om ekonomiskt bistånd för "
                                + command.month() + " (" + first + "). Komplettera den, eller gör en "
                                + "tilläggsansökan för ett behov som tillkommit.");
                    });
        }
        if (command.protectedIdentity() && !client.isProtectedIdentity()) {
            // Takes effect at once, for this application's tasks and every open task of the client.
            protection.set(client.getId(), true, submittedBy, ProtectionChange.Channel.ANSOKAN);
        }
        if (command.unit() != null) {
            // A client who moves to another unit takes their open tasks along.
            clientUnits.move(client, command.unit());
        } else if (client.getUnit() == null) {
            units.defaultUnitIfAny().ifPresent(client::setUnit);
        }
        Application application = new Application(client, command.month(), command.kind(), command.household(),
                command.costs(), command.incomes(), submittedBy, clock.instant());
        application.setCoApplicantPersonnummer(command.coApplicant());
        application.setIdempotencyKey(idempotencyKey);
        if (command.extraNeedDescription() != null) {
            application.setExtraNeed(command.extraNeedDescription(), command.extraNeedAmount(),
                    command.extraNeedKind() == null ? ExtraNeedKind.OTHER_LIVING_COSTS : command.extraNeedKind());
        }
        application.setResidenceAndHousing(command.lawfulResidence(), command.secondHandLet(),
                command.secondHandLetConsent());
        // An application is complete when it arrives; komplettering does not move the promised date.
        application.setCompleteAt(clock.instant());
        Application saved = applications.saveAndFlush(application);
        if (command.payoutAccount() != null) {
            // The client's first account is registered; another one than the client has waits for staff to confirm
            // it: an application never redirects the client's money (docs/utbetalning-och-overklagande.md).
            var account = command.payoutAccount();
            payoutAccounts.fromApplication(client.getId(), saved.getId(), account.iban() != null
                    ? PayoutAccount.iban(account.accountHolder(), account.iban())
                    : PayoutAccount.swedish(account.accountHolder(), account.clearingNumber(), account.accountNumber()),
                    submittedBy);
        }
        return saved;
    }

    /** The Idempotency-Key was used before, by another submitter or for another request: HTTP 422. */
    public static class IdempotencyKeyReusedException extends Refusal {
        IdempotencyKeyReusedException() {
            super("Idempotency-Key", null,
                    "Nyckeln har redan använts för en annan ansökan. Använd en ny nyckel för en ny ansökan.");
        }

        @Override
        public int status() {
            return 422;
        }
    }
}
