package se.stegvis.application;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.application.process.EkonomisktBistandProcess;
import se.stegvis.client.ProtectionService;
import se.stegvis.client.UnitSettings;
import se.stegvis.client.domain.ProtectionChange;

/** Receives applications: stores them and starts the process, once per idempotency key. */
@Service
public class ApplicationService {

    private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);

    private final ClientRepository clients;
    private final ApplicationRepository applications;
    private final RuntimeService runtimeService;
    private final UnitSettings units;
    private final Clock clock;
    private final ProtectionService protection;

    public ApplicationService(ClientRepository clients, ApplicationRepository applications,
                              RuntimeService runtimeService, UnitSettings units, Clock clock,
                              ProtectionService protection) {
        this.clients = clients;
        this.applications = applications;
        this.runtimeService = runtimeService;
        this.units = units;
        this.clock = clock;
        this.protection = protection;
    }

    /** The outcome: the application, and whether this call created it. */
    public record Submitted(Application application, boolean created) {}

    /**
     * Stores the application and starts its process in one transaction. With an idempotency key, a repeated
     * submission returns the first application and starts nothing.
     */
    @Transactional
    public Submitted submit(SubmitApplication command, String submittedBy, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Application> earlier = applications.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                return new Submitted(earlier.get(), false);
            }
        }
        Application application = register(command, submittedBy, idempotencyKey);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(EkonomisktBistandProcess.PROCESS_KEY,
                application.getId().toString(),
                Map.of(EkonomisktBistandProcess.APPLICATION_ID, application.getId().toString()));
        application.setProcessInstanceId(instance.getId());
        log.info("Application {} received ({}, {}), process {}", application.getId(), command.kind(), command.month(),
                instance.getId());
        return new Submitted(application, true);
    }

    /** Stores the application only: for a process that is already starting (a caseworker's start form). */
    @Transactional
    public Application register(SubmitApplication command, String submittedBy, String idempotencyKey) {
        Client client = clients.findByPersonnummer(command.applicant().value())
                .orElseGet(() -> clients.save(new Client(command.applicant(), clock.instant())));
        if (command.protectedIdentity() && !client.isProtectedIdentity()) {
            // Takes effect at once, for this application's tasks and every open task of the client.
            protection.set(client.getId(), true, submittedBy, ProtectionChange.Channel.ANSOKAN);
        }
        if (command.unit() != null) {
            client.setUnit(command.unit());
        } else if (client.getUnit() == null) {
            units.defaultUnitIfAny().ifPresent(client::setUnit);
        }
        if (command.payoutAccount() != null) {
            var account = command.payoutAccount();
            if (account.iban() != null) {
                client.setPayoutIban(account.accountHolder(), account.iban());
            } else {
                client.setPayoutAccount(account.accountHolder(), account.clearingNumber(), account.accountNumber());
            }
        }
        Application application = new Application(client, command.month(), command.kind(), command.household(),
                command.costs(), command.incomes(), submittedBy, clock.instant());
        application.setCoApplicantPersonnummer(command.coApplicant());
        application.setIdempotencyKey(idempotencyKey);
        if (command.extraNeedDescription() != null) {
            application.setExtraNeed(command.extraNeedDescription(), command.extraNeedAmount());
        }
        // An application is complete when it arrives; komplettering does not move the promised date.
        application.setCompleteAt(clock.instant());
        try {
            return applications.saveAndFlush(application);
        } catch (DataIntegrityViolationException e) {
            // A concurrent submission with the same key won: this transaction rolls back, the caller retries.
            throw new ConcurrentSubmissionException(e);
        }
    }

    /** Two submissions with the same idempotency key at the same moment; the second may simply be repeated. */
    public static class ConcurrentSubmissionException extends RuntimeException {
        ConcurrentSubmissionException(Throwable cause) {
            super("Ansökan med samma Idempotency-Key registreras redan; försök igen", cause);
        }
    }
}
