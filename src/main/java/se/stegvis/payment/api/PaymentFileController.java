package se.stegvis.payment.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.NotFoundException;
import se.stegvis.config.RequestValues;
import se.stegvis.payment.PaymentFileRun;
import se.stegvis.payment.PaymentFileService;
import se.stegvis.payment.domain.BankingCalendar;
import se.stegvis.payment.domain.PaymentFile;
import se.stegvis.payment.domain.PaymentFileRepository;

/** The payment files for the bank (pain.001): list them, download one, make one now. */
@RestController
@RequestMapping(PaymentFileController.PATH)
@PreAuthorize("hasAnyAuthority('handlaggare','teamledare','camunda-admin')")
public class PaymentFileController {

    public static final String PATH = "/api/utbetalningsfiler";
    static final String DATE_PARAM = "datum";

    private final PaymentFileService fileService;
    private final PaymentFileRepository files;
    private final BankingCalendar calendar;
    private final Clock clock;

    public PaymentFileController(PaymentFileService fileService, PaymentFileRepository files, BankingCalendar calendar,
                                 Clock clock) {
        this.fileService = fileService;
        this.files = files;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The files with that execution date, oldest first. */
    @GetMapping
    @Transactional(readOnly = true)
    public List<PaymentFileResponse> list(@RequestParam(name = DATE_PARAM, required = false) String date) {
        return files.findByExecutionDateOrderByCreatedAt(RequestValues.date(date, DATE_PARAM)).stream()
                .map(PaymentFileResponse::from).toList();
    }

    /** The file as sent to the bank. */
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> download(@PathVariable String id) {
        PaymentFile file = files.findById(RequestValues.id(id, NOT_FOUND)).orElseThrow(() -> new NotFoundException(NOT_FOUND));
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
    public ResponseEntity<PaymentFileRunResponse> create(@RequestParam(name = DATE_PARAM, required = false) String date) {
        LocalDate executionDate = RequestValues.date(date, DATE_PARAM);
        if (executionDate.isBefore(LocalDate.now(clock))) {
            throw new InvalidRequestException(DATE_PARAM, "Utförandedagen har redan passerat.");
        }
        if (!calendar.isBankingDay(executionDate)) {
            throw new InvalidRequestException(DATE_PARAM, "Utförandedagen måste vara en bankdag; närmast efter är "
                    + calendar.nextBankingDayOnOrAfter(executionDate) + ".");
        }
        PaymentFileRun run = fileService.createFile(executionDate);
        PaymentFileRunResponse body = PaymentFileRunResponse.from(run);
        return run.file()
                .map(file -> ResponseEntity.created(URI.create(PATH + "/" + file.getId())).body(body))
                .orElseGet(() -> ResponseEntity.ok(body));
    }

    private static final String NOT_FOUND = "Betalfilen finns inte";
}
