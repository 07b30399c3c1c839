package se.stegvis.client.api;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.stegvis.client.ClientAccess;
import se.stegvis.client.ProtectionService;
import se.stegvis.client.domain.ProtectionChange;
import se.stegvis.config.ForbiddenException;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.RequestValues;

/**
 * {@code PUT /api/klienter/{clientId}/skyddad-identitet} {@code {"skyddad": true|false}}: any caseworker, coach or team
 * leader who may see the client may set protection (and then no longer sees the client); only the group
 * {@code skyddad} may lift it. A client the user may not see is unknown (404).
 */
@RestController
public class ClientController {

    public static final String PROTECTION = "/api/klienter/{clientId}/skyddad-identitet";

    public record ProtectionRequest(Boolean skyddad) {}

    /** The value now; {@code flyttadeUppgifter}: open tasks routed anew by this change. */
    public record ProtectionResponse(UUID clientId, boolean skyddad, int flyttadeUppgifter) {}

    private final ClientAccess access;
    private final ProtectionService protection;

    public ClientController(ClientAccess access, ProtectionService protection) {
        this.access = access;
        this.protection = protection;
    }

    @PutMapping(path = PROTECTION, consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyAuthority('handlaggare','coach','teamledare','skyddad')")
    public ProtectionResponse setProtection(@PathVariable String clientId,
                                            @RequestBody(required = false) ProtectionRequest request,
                                            Authentication user) {
        if (request == null || request.skyddad() == null) {
            throw new InvalidRequestException("skyddad", "Ange skyddad: true eller false.");
        }
        UUID id = RequestValues.id(clientId, "Klienten finns inte.");
        access.client(id, user, "skyddad-identitet");
        if (!request.skyddad() && !ClientAccess.mayWorkWithProtected(user)) {
            throw new ForbiddenException("skyddad-identitet", "Bara gruppen skyddad kan ta bort skyddad identitet.");
        }
        var result = protection.set(id, request.skyddad(), user.getName(), ProtectionChange.Channel.API);
        return new ProtectionResponse(id, result.protectedIdentity(), result.tasksMoved());
    }
}
