package se.stegvis.payment.api;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.stegvis.client.ClientAccess;
import se.stegvis.config.ApiError;
import se.stegvis.config.NotFoundException;
import se.stegvis.config.RequestValues;
import se.stegvis.payment.PaymentConfirmationException;
import se.stegvis.payment.PaymentService;
import se.stegvis.payment.domain.Payment;

/**
 * One payment: caseworkers and team leaders look at it (their clients'); only the bank integration's technical client
 * ({@code bankintegration}) registers the bank's confirmation (#12).
 */
@RestController
@RequestMapping(PaymentController.PATH)
@PreAuthorize("hasAnyAuthority('handlaggare','teamledare','skyddad')")
public class PaymentController {

    public static final String PATH = "/api/utbetalningar";
    private static final String NOT_FOUND = "Utbetalningen finns inte";

    private final PaymentService payments;
    private final ClientAccess access;

    public PaymentController(PaymentService payments, ClientAccess access) {
        this.payments = payments;
        this.access = access;
    }

    /** The payment, when the user may see its client ({@link ClientAccess}); 404 otherwise. */
    @GetMapping("/{id}")
    public PaymentResponse get(@PathVariable String id, Authentication user) {
        return PaymentResponse.from(visible(id, user, "utbetalning"));
    }

    /** The bank's receipt for a sent payment; repeating it is harmless. 409 for a payment not yet sent. */
    @PostMapping("/{id}/bekraftelse")
    @PreAuthorize("hasAuthority('bankintegration')")
    public PaymentResponse confirm(@PathVariable String id) {
        // The bank's client knows the payment by its id in the file; it reads no case file.
        Payment payment = payments.find(paymentId(id)).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        return PaymentResponse.from(payments.confirm(payment.getId()));
    }

    private Payment visible(String id, Authentication user, String what) {
        Payment payment = payments.find(paymentId(id)).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        access.check(payment.getClientId(), user, what, payment.getId(), NOT_FOUND);
        return payment;
    }

    // Open to whoever reached the method (the class's @PreAuthorize would otherwise judge the handler too: the bank's
    // client got a 500 instead of the 409).
    @ExceptionHandler(PaymentConfirmationException.class)
    @PreAuthorize("permitAll()")
    ResponseEntity<ApiError> notSent(PaymentConfirmationException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(HttpStatus.CONFLICT.value(), e.getMessage(), null));
    }

    private static UUID paymentId(String id) {
        return RequestValues.id(id, NOT_FOUND);
    }
}
