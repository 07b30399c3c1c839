package se.stegvis.metrics;

import java.util.Set;
import java.util.UUID;

/** Whose data a computation counts: every client, or the clients of one unit (enhet). */
record UnitScope(String unit, Set<UUID> clients) {

    static final UnitScope ALL = new UnitScope(null, Set.of());

    UnitScope {
        clients = Set.copyOf(clients);
    }

    boolean perUnit() {
        return unit != null;
    }

    boolean includes(UUID clientId) {
        return unit == null || clients.contains(clientId);
    }
}
