package se.stegvis.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;

/**
 * Camunda's database identity provider, which answers "which groups is this user in?" with the user's groups and the
 * unit-role groups they work in ({@link UnitRoleGroups}). That question is what every login asks — Tasklist's and
 * Cockpit's session login, the engine REST API's HTTP Basic and Stegvis' own API — so the engine's authorization
 * checks and Tasklist's filter "Mina gruppers uppgifter" see the same groups everywhere. Every other query, and every
 * write, is Camunda's own.
 *
 * <p>Only the membership question is extended: a query by member and nothing else. The derived groups are made from
 * the groups the query itself returned, so a user who may not read a colleague's groups learns nothing more. Camunda
 * Admin lists them on the user's page with the type {@value UnitRoleGroups#TYPE}; they cannot be joined or left
 * there, only through the role and unit groups.
 */
public class UnitRoleIdentityProvider extends DbIdentityServiceProvider {

    private final UnitRoleGroups unitRoles;

    public UnitRoleIdentityProvider(UnitRoleGroups unitRoles) {
        this.unitRoles = unitRoles;
    }

    @Override
    public List<Group> findGroupByQueryCriteria(DbGroupQueryImpl query) {
        if (!membershipOnly(query)) {
            return super.findGroupByQueryCriteria(query);
        }
        List<Group> all = withDerived(query);
        int from = Math.min(Math.max(query.getFirstResult(), 0), all.size());
        int to = (int) Math.min((long) from + Math.max(query.getMaxResults(), 0), all.size());
        return new ArrayList<>(all.subList(from, to));
    }

    @Override
    public long findGroupCountByQueryCriteria(DbGroupQueryImpl query) {
        return membershipOnly(query) ? withDerived(query).size() : super.findGroupCountByQueryCriteria(query);
    }

    /** The user's groups (the query's own answer, unpaged) followed by the unit-role groups made from them. */
    private List<Group> withDerived(DbGroupQueryImpl query) {
        int first = query.getFirstResult();
        int max = query.getMaxResults();
        List<Group> real;
        try {
            query.setFirstResult(0);
            query.setMaxResults(Integer.MAX_VALUE);
            real = super.findGroupByQueryCriteria(query);
        } finally {
            query.setFirstResult(first);
            query.setMaxResults(max);
        }
        List<Group> all = new ArrayList<>(real);
        for (UnitRoleGroups.Derived derived : unitRoles.derivedFrom(real.stream().map(Group::getId).toList())) {
            GroupEntity group = new GroupEntity(derived.id());
            group.setName(derived.name());
            group.setType(UnitRoleGroups.TYPE);
            all.add(group);
        }
        return all;
    }

    private static boolean membershipOnly(DbGroupQueryImpl query) {
        return query.getUserId() != null && query.getId() == null && query.getIds() == null && query.getName() == null
                && query.getNameLike() == null && query.getType() == null && query.getTenantId() == null;
    }

    /** Opens this provider for every command, in place of Camunda's {@code DbIdentityServiceProvider}. */
    public record Factory(UnitRoleGroups unitRoles) implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return UnitRoleIdentityProvider.class;
        }

        @Override
        public Session openSession() {
            return new UnitRoleIdentityProvider(unitRoles);
        }
    }
}
