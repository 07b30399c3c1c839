package se.stegvis.payment.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.stegvis.client.AccessLog;
import se.stegvis.client.ClientAccess;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.NotFoundException;
import se.stegvis.config.RequestValues;
import se.stegvis.payment.PaymentFileRun;
import se.stegvis.payment.PaymentFileService;
import se.stegvis.payment.domain.BankingCalendar;
import se.stegvis.payment.domain.Payment;
import se.stegvis.payment.domain.PaymentRepository;
import se.stegvis.payment.domain.PaymentFile;
import se.stegvis.payment.domain.PaymentFileRepository;

/**
 * The payment files for the bank (pain.001): list them, download one, make one now — the duty of the payment role
 * {@code utbetalning} (#12), not of caseworkers or team leaders. Payees with protected identity are
 * paid in a file of their own, complete for the bank; only the group {@code skyddad} lists and downloads it, and sees
 * its payments — everyone else sees only how many there were. Downloading a file is a read of each payee's payment
 * and is written to the access log.
 */
@RestController
@RequestMapping(PaymentFileController.PATH)
@PreAuthorize("hasAnyAuthority('utbetalning','skyddad')")
public class PaymentFileController {

    public static final String PATH = "/api/utbetalningsfiler";
    static final String DATE_PARAM = "datum";

    private final PaymentFileService fileService;
    private final PaymentFileRepository files;
    private final BankingCalendar calendar;
    private final Clock clock;
    private final PaymentRepository payments;
    private final ClientRepository clients;
    private final AccessLog accessLog;

    public PaymentFileController(PaymentFileService fileService, PaymentFileRepository files, BankingCalendar calendar,
                                 Clock clock, PaymentRepository payments, ClientRepository clients, AccessLog accessLog) {
        this.fileService = fileService;
        this.files = files;
        this.calendar = calendar;
        this.clock = clock;
        this.payments = payments;
        this.clients = clients;
        this.accessLog = accessLog;
    }

    /** The files with that execution date, oldest first (the file of protected payees for the group skyddad only). */
    @GetMapping
    @Transactional(readOnly = true)
    public List<PaymentFileResponse> list(@RequestParam(name = DATE_PARAM, required = false) String date,
                                          Authentication user) {
        boolean mayProtected = mayProtected(user);
        return files.findByExecutionDateOrderByCreatedAt(RequestValues.date(date, DATE_PARAM)).stream()
                .filter(f -> mayProtected || !f.isProtectedPayees())
                .map(PaymentFileResponse::from).toList();
    }

    /** The file as sent to the bank; the file of protected payees is unknown (404) outside the group skyddad. */
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> download(@PathVariable String id, Authentication user) {
        PaymentFile file = files.findById(RequestValues.id(id, NOT_FOUND))
                .filter(f -> !f.isProtectedPayees() || mayProtected(user))
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        List<Payment> paid = payments.findByPaymentFileId(file.getId());
        accessLog.readAll(user.getName(), paid.stream().map(Payment::getClientId).toList(), "utbetalningsfil",
                paid.stream().map(p -> file.getId().toString()).toList(), AccessLog.Outcome.VISAD);
        String name = "pain001-" + file.getExecutionDate() + "-" + file.getMessageId() + ".xml";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(file.getXml());
    }

    /**
     * Makes the file of the payments due by {@code datum} now, instead of waiting for the daily job: 201 with the file,
     * or 200 without one when nothing is due.
     */
    @PostMapping
    public ResponseEntity<PaymentFileRunResponse> create(@RequestParam(name = DATE_PARAM, required = false) String date,
                                                         Authentication user) {
        LocalDate executionDate = RequestValues.date(date, DATE_PARAM);
        if (executionDate.isBefore(LocalDate.now(clock))) {
            throw new InvalidRequestException(DATE_PARAM, "Utförandedagen har redan passerat.");
        }
        if (!calendar.isBankingDay(executionDate)) {
            throw new InvalidRequestException(DATE_PARAM, "Utförandedagen måste vara en bankdag; närmast efter är "
                    + calendar.nextBankingDayOnOrAfter(executionDate) + ".");
        }
        PaymentFileRun run = fileService.createFile(executionDate);
        boolean mayProtected = mayProtected(user);
        List<UUID> withoutAccount = mayProtected ? run.paymentsWithoutAccount()
                : run.paymentsWithoutAccount().stream().filter(p -> !ofProtectedPayee(p)).toList();
        PaymentFileRunResponse body = PaymentFileRunResponse.from(run, mayProtected, withoutAccount);
        return run.file()
                .map(file -> ResponseEntity.created(URI.create(PATH + "/" + file.getId())).body(body))
                .orElseGet(() -> ResponseEntity.ok(body));
    }

    private boolean ofProtectedPayee(UUID paymentId) {
        return payments.findById(paymentId).flatMap(p -> clients.findById(p.getClientId()))
                .map(c -> c.isProtectedIdentity()).orElse(true);
    }

    private static boolean mayProtected(Authentication user) {
        return ClientAccess.mayWorkWithProtected(user);
    }

    private static final String NOT_FOUND = "Betalfilen finns inte";
}
