package se.stegvis.client;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.client.domain.ProtectionChange;
import se.stegvis.client.domain.ProtectionChangeRepository;
import se.stegvis.client.process.ClientTaskRouting;

/**
 * Protected identity (skyddad identitet) that takes effect at once: set, the client's open tasks in every process move
 * to the group {@code skyddad} (other candidate groups and assignees removed) and from then on the client is unknown
 * (404) to everyone else ({@link ClientAccess}); lifted, the tasks go back to the model's groups. Every change is
 * recorded (who, when, old and new value, channel) in the same transaction.
 */
@Service
public class ProtectionService {

    private static final Logger log = LoggerFactory.getLogger(ProtectionService.class);

    private final ClientRepository clients;
    private final ProtectionChangeRepository changes;
    private final ClientTaskRouting routing;
    private final Clock clock;

    public ProtectionService(ClientRepository clients, ProtectionChangeRepository changes, ClientTaskRouting routing,
                             Clock clock) {
        this.clients = clients;
        this.changes = changes;
        this.routing = routing;
        this.clock = clock;
    }

    /** What a change did: the value now and how many open tasks were routed anew. */
    public record Result(UUID clientId, boolean protectedIdentity, boolean changed, int tasksMoved) {}

    /**
     * Sets the client's protection. The caller has checked that the user may see the client and may make this
     * change; nothing happens when the value is already so.
     */
    @Transactional
    public Result set(UUID clientId, boolean protectedIdentity, String changedBy, ProtectionChange.Channel channel) {
        Client client = clients.findById(clientId).orElseThrow();
        boolean old = client.isProtectedIdentity();
        if (old == protectedIdentity) {
            return new Result(clientId, old, false, 0);
        }
        client.setProtectedIdentity(protectedIdentity);
        clients.saveAndFlush(client);
        changes.save(new ProtectionChange(clientId, clock.instant(), changedBy, old, protectedIdentity, channel));
        int moved = routing.reroute(clientId);
        log.info("Client {}: protected identity {} -> {} by {} ({}), {} open tasks routed", clientId, old,
                protectedIdentity, changedBy, channel, moved);
        return new Result(clientId, protectedIdentity, true, moved);
    }
}
