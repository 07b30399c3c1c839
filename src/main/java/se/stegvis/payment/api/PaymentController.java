package se.stegvis.payment.api;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.stegvis.config.ApiError;
import se.stegvis.config.NotFoundException;
import se.stegvis.config.RequestValues;
import se.stegvis.payment.PaymentConfirmationException;
import se.stegvis.payment.PaymentService;

/** One payment: look at it, and register the bank's confirmation. */
@RestController
@RequestMapping(PaymentController.PATH)
@PreAuthorize("hasAnyAuthority('handlaggare','teamledare','camunda-admin')")
public class PaymentController {

    public static final String PATH = "/api/utbetalningar";
    private static final String NOT_FOUND = "Utbetalningen finns inte";

    private final PaymentService payments;

    public PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    @GetMapping("/{id}")
    public PaymentResponse get(@PathVariable String id) {
        return payments.find(paymentId(id)).map(PaymentResponse::from).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** The bank's receipt for a sent payment; repeating it is harmless. 409 for a payment not yet sent. */
    @PostMapping("/{id}/bekraftelse")
    public PaymentResponse confirm(@PathVariable String id) {
        return PaymentResponse.from(payments.confirm(paymentId(id)));
    }

    @ExceptionHandler(PaymentConfirmationException.class)
    ResponseEntity<ApiError> notSent(PaymentConfirmationException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(HttpStatus.CONFLICT.value(), e.getMessage(), null));
    }

    private static UUID paymentId(String id) {
        return RequestValues.id(id, NOT_FOUND);
    }
}
