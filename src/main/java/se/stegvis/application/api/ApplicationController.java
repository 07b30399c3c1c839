package se.stegvis.application.api;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.stegvis.application.ApplicationService;
import se.stegvis.application.AssistanceCalculationService;
import se.stegvis.application.SubmitApplication;
import se.stegvis.application.SupplementService;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ApplicationWarningRepository;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.application.domain.StoredLetterRepository;
import se.stegvis.application.process.EkonomisktBistandProcess;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.client.ClientAccess;
import se.stegvis.config.NotFoundException;
import se.stegvis.payment.domain.PaymentRepository;

/** The monthly application's API: the e-service submits, staff read, the letter is downloaded. */
@RestController
@RequestMapping("/api")
public class ApplicationController {

    /** Staff who read case files; administrators are not among them (they operate the engine, not cases). */
    static final String STAFF = "hasAnyAuthority('handlaggare','teamledare','skyddad')";

    private final ApplicationService service;
    private final ApplicationRepository applications;
    private final AssistanceCalculationService calculation;
    private final ApplicationWarningRepository warnings;
    private final DecisionRepository decisions;
    private final StoredLetterRepository letters;
    private final SupplementService supplements;
    private final RuntimeService runtimeService;
    private final SubmitApplicationMapper mapper;
    private final PaymentRepository payments;
    private final se.stegvis.client.domain.ClientRepository clients;
    private final se.stegvis.application.domain.SupplementRequestRepository supplementRequests;
    private final ClientAccess access;

    public ApplicationController(ApplicationService service, ApplicationRepository applications,
                                 AssistanceCalculationService calculation, ApplicationWarningRepository warnings,
                                 DecisionRepository decisions, StoredLetterRepository letters,
                                 SupplementService supplements, RuntimeService runtimeService,
                                 SubmitApplicationMapper mapper, PaymentRepository payments,
                                 se.stegvis.client.domain.ClientRepository clients,
                                 se.stegvis.application.domain.SupplementRequestRepository supplementRequests,
                                 ClientAccess access) {
        this.service = service;
        this.applications = applications;
        this.calculation = calculation;
        this.warnings = warnings;
        this.decisions = decisions;
        this.letters = letters;
        this.supplements = supplements;
        this.runtimeService = runtimeService;
        this.mapper = mapper;
        this.payments = payments;
        this.clients = clients;
        this.supplementRequests = supplementRequests;
        this.access = access;
    }

    public record Created(UUID id, String status) {}

    @PostMapping(path = "/ansokningar", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyAuthority('etjanst','handlaggare','skyddad')")
    public ResponseEntity<Created> submit(@Valid @RequestBody SubmitApplicationRequest request,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                          Authentication user) {
        if (key != null && (key.isBlank() || key.length() > 100)) {
            throw new InvalidRequestException("Idempotency-Key", "Nyckeln ska vara 1–100 tecken.");
        }
        ApplicationService.Submitted submitted = service.submit(mapper.toCommand(request), user.getName(), key,
                key == null ? null : RequestHash.of(request));
        Application application = submitted.application();
        return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/ansokningar/" + application.getId()))
                .body(new Created(application.getId(), application.getStatus().name()));
    }

    @GetMapping("/ansokningar/{id}")
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public ApplicationView get(@PathVariable UUID id, Authentication user) {
        Application application = visible(id, user, "ansokan");
        var lines = calculation.storedLines(id).stream()
                .map(l -> new ApplicationView.Line(l.getSection(), l.getDescription(), l.getRule(), l.getAmount()))
                .toList();
        var warningViews = warnings.findByApplicationIdOrderById(id).stream()
                .map(w -> new ApplicationView.Warning(w.getCode().name(), w.getCode().label(), w.getMessage(),
                        w.isAcknowledged()))
                .toList();
        var decisionViews = decisions.findByApplicationIdOrderByDecidedAt(id).stream()
                .map(d -> new ApplicationView.DecisionSummary(d.getId(), d.getKind().name(), d.getAmount(),
                        d.getDecidedAt(), d.getInvestigator(), d.getApprover(),
                        letters.existsById(d.getId()) ? "/api/beslut/" + d.getId() + "/brev" : null,
                        payments.findByDecisionId(d.getId())
                                .map(p -> new ApplicationView.Payment(p.getId(), p.getAmount(),
                                        p.getPaymentDate().toString(), p.getStatus().name()))
                                .orElse(null)))
                .toList();
        return new ApplicationView(application.getId(), application.getClient().getId(), application.getMonth().toString(),
                application.getKind().name(), application.getStatus().name(), application.getWaitingReason(),
                application.getAssistanceForm() == null ? null : application.getAssistanceForm().name(),
                application.isRegisterChecked(),
                application.getInvestigationDue() == null ? null : application.getInvestigationDue().toString(),
                lines, warningViews, decisionViews);
    }

    /** One application in a month's list; {@code waitingReason} says why it waits (VANTAR_PA_RIKSNORM), else null. */
    public record ListItem(UUID id, String month, String kind, String status, String waitingReason) {}

    /** Applications for a month, of the clients the user may see ({@link ClientAccess}); each shown is logged. */
    @GetMapping("/ansokningar")
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<ListItem> list(@RequestParam String month, Authentication user) {
        YearMonth m = SubmitApplicationMapper.parseMonth(month, "month");
        return access.visibleOnly(applications.findByMonth(m.toString()), Application::getClient, Application::getId,
                        user, "ansokningslista").stream()
                .map(a -> new ListItem(a.getId(), a.getMonth().toString(), a.getKind().name(), a.getStatus().name(),
                        a.getWaitingReason()))
                .toList();
    }

    public record PrefillRequest(@jakarta.validation.constraints.NotBlank(message = "Ange personnummer.") String personnummer) {}

    /**
     * Återansökan: the e-service asks for the client's last application as a pre-filled next month's application,
     * which the client confirms or changes before submitting. The personnummer travels in the body, never the URL.
     */
    @PostMapping(path = "/ansokningar/forifylld", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyAuthority('etjanst','handlaggare','skyddad')")
    @Transactional(readOnly = true)
    public SubmitApplicationRequest prefill(@Valid @RequestBody PrefillRequest request, Authentication user) {
        var person = mapper.personnummer(request.personnummer(), "personnummer");
        String none = "Det finns ingen tidigare ansökan att utgå från: gör en nyansökan";
        var client = clients.findByPersonnummer(person.value()).orElseThrow(() -> new NotFoundException(none));
        Application last = applications.latestExcept(client.getId(),
                        se.stegvis.application.domain.ApplicationKind.TILLAGGSANSOKAN,
                        org.springframework.data.domain.PageRequest.of(0, 1)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(none));
        // A client the user may not see has no earlier application as far as they can tell.
        access.check(client, user, "forifylld-ansokan", last.getId(), none);
        return mapper.prefilled(last);
    }

    public record SupplementView(String message, String dueDate, boolean answered) {}

    /** What the client is asked to send (komplettering), for the e-service to show on the client's pages. */
    @GetMapping("/ansokningar/{id}/kompletteringar")
    @PreAuthorize("hasAnyAuthority('etjanst','handlaggare','teamledare','skyddad')")
    @Transactional(readOnly = true)
    public List<SupplementView> supplementRequests(@PathVariable UUID id, Authentication user) {
        visible(id, user, "komplettering");
        return supplementRequests.findByApplicationIdOrderById(id).stream()
                .map(r -> new SupplementView(r.getMessage(), r.getDueDate().toString(), r.getAnsweredAt() != null))
                .toList();
    }

    /** The e-service reports that the client has sent the requested documents. */
    @PostMapping("/ansokningar/{id}/komplettering")
    @PreAuthorize("hasAnyAuthority('etjanst','handlaggare','skyddad')")
    public ResponseEntity<Void> supplementReceived(@PathVariable UUID id, Authentication user) {
        visible(id, user, "komplettering");
        if (!supplements.answer(id)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Ingen komplettering är begärd för ansökan");
        }
        return ResponseEntity.accepted().build();
    }

    /** The register does not answer: the caseworker continues and the application is marked unchecked. */
    @PostMapping("/ansokningar/{id}/fortsatt-utan-registerkontroll")
    @PreAuthorize("hasAnyAuthority('handlaggare','skyddad','teamledare')")
    public ResponseEntity<Void> continueWithoutRegister(@PathVariable UUID id, Authentication user) {
        visible(id, user, "registerkontroll");
        try {
            runtimeService.createMessageCorrelation(EkonomisktBistandProcess.MESSAGE_CONTINUE_WITHOUT_REGISTER)
                    .processInstanceBusinessKey(id.toString())
                    .correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Ansökan väntar inte på registerkontrollen");
        }
        return ResponseEntity.accepted().build();
    }

    @GetMapping(path = "/beslut/{id}/brev", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> letter(@PathVariable UUID id, Authentication user) {
        Decision decision = decisions.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Beslutet finns inte"));
        Application application = applications.findById(decision.getApplicationId())
                .orElseThrow(() -> new NotFoundException("Beslutet finns inte"));
        access.check(application.getClient(), user, "beslutsbrev", id, "Beslutet finns inte");
        var letter = letters.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Beslutsbrevet är inte skapat än"));
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"beslut-" + id + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(letter.getPdf());
    }

    /** The application when the user may see its client ({@link ClientAccess}, the read logged), else 404. */
    private Application visible(UUID id, Authentication user, String what) {
        Application application = applications.findById(id)
                .orElseThrow(() -> new NotFoundException("Ansökan finns inte"));
        access.check(application.getClient(), user, what, id, "Ansökan finns inte");
        return application;
    }
}
