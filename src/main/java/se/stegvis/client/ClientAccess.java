package se.stegvis.client;

import static se.stegvis.identity.StegvisGroups.COACH;
import static se.stegvis.identity.StegvisGroups.ETJANST;
import static se.stegvis.identity.StegvisGroups.HANDLAGGARE;
import static se.stegvis.identity.StegvisGroups.SKYDDAD_IDENTITET;
import static se.stegvis.identity.StegvisGroups.TEAMLEDARE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.config.NotFoundException;
import se.stegvis.identity.StegvisGroups;

/**
 * The one rule for who may see a client (need to know), used by every controller under {@code /api}, by the engine
 * when it creates a task (candidate group from the client) and by the payment side:
 * <ol>
 *   <li>Only staff who work with clients see them: the groups {@code handlaggare}, {@code coach}, {@code teamledare}
 *       and {@code skyddad}. Administrators, process owners, managers and log reviewers get no case files (managers
 *       get key figures, counted, never listed). The e-service ({@code etjanst}) acts for the citizen it has
 *       identified, on the endpoints open to it.</li>
 *   <li>A client with protected identity (skyddad identitet) is seen only by the group {@code skyddad}.</li>
 *   <li>A user who belongs to unit groups ({@code enhet-hageby}, one per name of {@code stegvis.units.names}) sees only
 *       the clients of those units (and clients with no unit). A user in no unit group sees every unit.</li>
 * </ol>
 * A client the user may not see is unknown to them: 404, never 403, so that protection does not reveal that the
 * person is a client. Every read is written to the {@link AccessLog}, a refusal too.
 */
@Service
public class ClientAccess {

    /** The groups whose work is with clients. */
    public static final Set<String> CASE_GROUPS = Set.of(HANDLAGGARE, COACH, TEAMLEDARE, SKYDDAD_IDENTITET);

    static final String UNKNOWN_CLIENT = "Klienten finns inte.";

    private final ClientRepository clients;
    private final UnitSettings units;
    private final AccessLog accessLog;
    private final Map<String, String> unitByGroup;

    public ClientAccess(ClientRepository clients, UnitSettings units, AccessLog accessLog) {
        this.clients = clients;
        this.units = units;
        this.accessLog = accessLog;
        this.unitByGroup = units.names().stream()
                .collect(Collectors.toUnmodifiableMap(StegvisGroups::unitGroup, n -> n));
    }

    /** Who is looking: the user id and the ids of their groups. */
    public record Viewer(String userId, Set<String> groups) {

        public Viewer {
            groups = Set.copyOf(groups);
        }

        public static Viewer of(Authentication user) {
            return new Viewer(user.getName(), user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .collect(Collectors.toSet()));
        }

        public boolean in(String group) {
            return groups.contains(group);
        }
    }

    /** The unit groups of the configured units, group id to unit name. */
    public Map<String, String> unitGroups() {
        return unitByGroup;
    }

    /** The units a user is limited to; empty when the user belongs to no unit group (then every unit). */
    public Set<String> unitsOf(Viewer viewer) {
        Set<String> result = new LinkedHashSet<>();
        viewer.groups().forEach(g -> Optional.ofNullable(unitByGroup.get(g)).ifPresent(result::add));
        return result;
    }

    /** The rule. */
    public boolean maySee(Client client, Viewer viewer) {
        if (client == null) {
            return false;
        }
        if (viewer.in(ETJANST)) {
            return true;
        }
        if (client.isProtectedIdentity() ? !viewer.in(SKYDDAD_IDENTITET)
                : viewer.groups().stream().noneMatch(CASE_GROUPS::contains)) {
            return false;
        }
        return unitAllows(client, viewer);
    }

    /**
     * The unit half of the rule, also for who may hold a client's task: a user limited to units ({@link #unitsOf},
     * configured units only — a group of a unit removed from the settings limits nothing) works only with the
     * clients of those units and clients with no unit.
     */
    public boolean unitAllows(Client client, Viewer viewer) {
        Set<String> limitedTo = unitsOf(viewer);
        return limitedTo.isEmpty() || client.getUnit() == null || limitedTo.contains(client.getUnit());
    }

    /**
     * The client, when the user may see it, and the read logged; otherwise 404 ({@code notFound} names what the
     * request asked for, e.g. "Ansökan finns inte"), the refusal logged when the client exists.
     */
    public Client check(Client client, Authentication user, String what, Object objectId, String notFound) {
        Viewer viewer = Viewer.of(user);
        String object = objectId == null ? null : objectId.toString();
        if (!maySee(client, viewer)) {
            if (client != null) {
                accessLog.read(viewer.userId(), client.getId(), what, object, AccessLog.Outcome.NEKAD);
            }
            throw new NotFoundException(notFound);
        }
        accessLog.read(viewer.userId(), client.getId(), what, object, AccessLog.Outcome.VISAD);
        return client;
    }

    /** {@link #check} by the client's id. */
    public Client check(UUID clientId, Authentication user, String what, Object objectId, String notFound) {
        return check(clientId == null ? null : clients.findById(clientId).orElse(null), user, what, objectId, notFound);
    }

    /** The client by id for the client's own resources ({@code /api/klienter/{id}}): 404 "Klienten finns inte.". */
    public Client client(UUID clientId, Authentication user, String what) {
        return check(clientId, user, what, clientId, UNKNOWN_CLIENT);
    }

    /**
     * The rows of a list whose clients the user may see, in order; each row shown is logged as a read of its client.
     * Rows of clients the user may not see are left out without a trace in the answer.
     */
    public <T> List<T> visibleOnly(Collection<T> rows, Function<T, Client> clientOf, Function<T, Object> objectIdOf,
                                   Authentication user, String what) {
        Viewer viewer = Viewer.of(user);
        List<T> shown = new ArrayList<>();
        List<UUID> clientIds = new ArrayList<>();
        List<String> objectIds = new ArrayList<>();
        for (T row : rows) {
            Client client = clientOf.apply(row);
            if (maySee(client, viewer)) {
                shown.add(row);
                clientIds.add(client.getId());
                Object id = objectIdOf.apply(row);
                objectIds.add(id == null ? null : id.toString());
            }
        }
        accessLog.readAll(viewer.userId(), clientIds, what, objectIds, AccessLog.Outcome.VISAD);
        return shown;
    }

    /** Whether the user belongs to the group for protected identities (skyddad). */
    public static boolean mayWorkWithProtected(Authentication user) {
        return Viewer.of(user).in(SKYDDAD_IDENTITET);
    }

    /** Whether a user (by the ids of their groups) may work with the client's tasks: same rule, no log. */
    public boolean mayWorkWith(Client client, Set<String> groups) {
        return maySee(client, new Viewer(null, groups));
    }

    public Optional<Client> find(UUID clientId) {
        return clientId == null ? Optional.empty() : clients.findById(clientId);
    }

    /** The unit names, for callers that must offer them. */
    public List<String> unitNames() {
        return units.names();
    }
}
