package se.stegvis.client.process;

import java.util.Optional;
import java.util.UUID;

/** Business keys are ids: read one without failing on a key that is not. */
public final class ClientProcessKeys {

    public static Optional<UUID> uuid(String businessKey) {
        if (businessKey == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(businessKey));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private ClientProcessKeys() {}
}
