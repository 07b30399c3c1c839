package se.stegvis.integration.ssbtek;

import java.util.Objects;
import se.stegvis.application.domain.ApplicationWarning.Code;

/**
 * One difference the income check found, to become an {@link se.stegvis.application.domain.ApplicationWarning}.
 *
 * @param code    the kind of warning
 * @param message what differs, in Swedish, with the amounts and never a personnummer
 */
public record RegisterFinding(Code code, String message) {

    public RegisterFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
