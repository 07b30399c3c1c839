package se.stegvis.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The project's one error format for its own HTTP APIs:
 * {@code {"status":400,"error":"Ogiltig begäran","errors":[{"field":"childrenAges[1]","message":"..."}]}}.
 * Messages are Swedish, for the person who sent the request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, List<FieldError> errors) {

    /** One thing wrong with the request; {@code field} is the JSON path ({@code costs.housing}, {@code childrenAges[1]}), absent when the whole body is wrong. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message) {}
}
