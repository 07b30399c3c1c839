package se.stegvis.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.client.process.ClientTaskRouting;

/**
 * A client's unit (enhet), and what follows when it changes: every open task of the client, in every process, is
 * granted to the new unit's staff at once and taken back from the old unit's (an assignee of the old unit is
 * removed), as {@link ProtectionService} does for protection.
 */
@Service
public class ClientUnits {

    private static final Logger log = LoggerFactory.getLogger(ClientUnits.class);

    private final ClientRepository clients;
    private final ClientTaskRouting routing;

    public ClientUnits(ClientRepository clients, ClientTaskRouting routing) {
        this.clients = clients;
        this.routing = routing;
    }

    /** Sets the client's unit (a configured one, checked by the caller); returns how many open tasks moved. */
    @Transactional
    public int move(Client client, String unit) {
        String old = client.getUnit();
        client.setUnit(unit);
        if (old == null || old.equals(unit) || client.getId() == null) {
            return 0;
        }
        clients.saveAndFlush(client);
        int moved = routing.reroute(client.getId());
        log.info("Client {}: unit {} -> {}, {} open tasks routed", client.getId(), old, unit, moved);
        return moved;
    }
}
