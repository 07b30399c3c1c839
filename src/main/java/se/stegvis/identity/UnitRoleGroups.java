package se.stegvis.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The unit-role groups a user works in, derived from the groups they are a member of: one rule, the same as
 * {@code ClientAccess} applies to Stegvis' own API.
 * <ul>
 *   <li>A member of a case-work role ({@link StegvisGroups#CASE_WORK}: handlaggare, coach, teamledare, skyddad) and of
 *       unit groups ({@code enhet-hageby}) works in that role in those units: {@code handlaggare-hageby}.</li>
 *   <li>A member of the role and of no unit group covers every unit: {@code handlaggare-centrum},
 *       {@code handlaggare-hageby}, … for every configured unit.</li>
 * </ul>
 * A task of a client who belongs to a unit has the unit-role group as candidate group and grant (never the bare role),
 * so a caseworker of Hageby neither lists nor opens Centrum's tasks in Tasklist or the engine's REST API; a query for
 * the bare role finds the role's tasks in the caller's units ({@code UnitCandidateGroupQueries}). Nobody is ever made a member of a unit-role group: Camunda Admin
 * manages roles and units, and this class adds the combinations ({@link UnitRoleIdentityProvider}).
 */
public final class UnitRoleGroups {

    /** The type the derived groups show in Camunda Admin. */
    public static final String TYPE = "HARLEDD";

    /** A derived group: id and display name. */
    public record Derived(String id, String name) {}

    private final Map<String, String> unitByGroup = new LinkedHashMap<>();

    /** @param unitNames the configured units ({@code stegvis.units.names}) */
    public UnitRoleGroups(Collection<String> unitNames) {
        unitNames.forEach(name -> unitByGroup.put(StegvisGroups.unitGroup(name), name.strip()));
    }

    /** The unit-role groups of a user who is a member of these groups (in order, without duplicates). */
    public List<Derived> derivedFrom(Collection<String> groupIds) {
        if (unitByGroup.isEmpty()) {
            return List.of();
        }
        Set<String> groups = new LinkedHashSet<>(groupIds);
        List<String> units = groups.stream().filter(unitByGroup::containsKey).map(unitByGroup::get).toList();
        if (units.isEmpty()) {
            units = List.copyOf(unitByGroup.values());
        }
        List<Derived> derived = new ArrayList<>();
        for (String role : StegvisGroups.CASE_WORK) {
            if (!groups.contains(role)) {
                continue;
            }
            String roleName = StegvisGroups.ALL.stream().filter(g -> g.id().equals(role))
                    .map(StegvisGroups.Group::name).findFirst().orElse(role);
            for (String unit : units) {
                String id = StegvisGroups.unitRoleGroup(role, unit);
                if (!groups.contains(id)) {
                    derived.add(new Derived(id, roleName + " – " + unit + " (härledd av roll och enhet)"));
                }
            }
        }
        return derived;
    }
}
