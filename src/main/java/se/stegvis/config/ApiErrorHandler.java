package se.stegvis.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.stegvis.config.ApiError.FieldError;

/**
 * Turns a bad request to any of the application's own controllers (package {@code se.stegvis}; Camunda's REST API and
 * webapps keep theirs) into the project's one error format, {@link ApiError}, with HTTP 400 and one Swedish message per
 * wrong field: malformed JSON, unknown fields, wrong types (e.g. decimals where whole kronor are expected), Bean
 * Validation failures and {@link InvalidRequestException}; an unknown id ({@link NotFoundException}) into 404; a
 * request the current state does not allow ({@link ConflictException}) into 409; and an office rule's refusal
 * ({@link ForbiddenException}) into 403: every {@link Refusal} with its own status.
 */
@RestControllerAdvice(basePackages = "se.stegvis")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrorHandler {

    public static final String BAD_REQUEST = "Ogiltig begäran";

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<FieldError> errors = e.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldError(
                        error instanceof org.springframework.validation.FieldError f ? f.getField() : null,
                        error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        return badRequest(errors);
    }

    /**
     * Every {@link Refusal} with its status: 400 {@code "Ogiltig begäran"} naming the field, 409 and 403 with the
     * message as the error (and the field or rule), 404 with the message.
     */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ApiError> refused(Refusal e) {
        if (e.status() == HttpStatus.BAD_REQUEST.value()) {
            return badRequest(List.of(new FieldError(e.field(), e.getMessage())));
        }
        List<FieldError> errors = e.status() == HttpStatus.NOT_FOUND.value() ? List.of()
                : List.of(new FieldError(e.field() != null ? e.field() : e.rule(), e.getMessage()));
        return ResponseEntity.status(e.status()).body(new ApiError(e.status(), e.getMessage(), errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String allowed = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(Objects::toString).sorted().collect(Collectors.joining(", "));
            return badRequest(List.of(new FieldError(path(unknown),
                    "Okänt fält \"" + unknown.getPropertyName() + "\"." + (allowed.isEmpty() ? "" : " Tillåtna: "
                            + allowed + "."))));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            Class<?> type = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return badRequest(List.of(new FieldError(path(mapping), wrongType(type))));
        }
        if (cause instanceof JsonProcessingException) {
            return badRequest(List.of(new FieldError(null, "Begäran är inte giltig JSON.")));
        }
        return badRequest(List.of(new FieldError(null, "Begäran saknar innehåll eller kunde inte läsas.")));
    }

    private static String wrongType(Class<?> type) {
        if (type == null) {
            return "Värdet har fel typ eller är för stort.";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class
                || type == Short.class || type == short.class) {
            return "Måste vara ett heltal utan decimaler (hela kronor eller hela år).";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "Måste vara en lista.";
        }
        if (type == String.class) {
            return "Måste vara en text.";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "Måste vara true eller false.";
        }
        if (type.isEnum()) {
            return "Måste vara ett av: " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + ".";
        }
        return "Måste vara ett JSON-objekt med de fält som beskrivs.";
    }

    /** The JSON path as Bean Validation names it: {@code costs.housing}, {@code childrenAges[1]}, {@code incomes[lön]}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFrom() instanceof Map<?, ?>) {
                path.append('[').append(ref.getFieldName()).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static ResponseEntity<ApiError> badRequest(List<FieldError> errors) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(new ApiError(HttpStatus.BAD_REQUEST.value(), BAD_REQUEST, errors));
    }
}
