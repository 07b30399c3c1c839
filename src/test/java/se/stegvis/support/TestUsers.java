package se.stegvis.support;

import org.camunda.bpm.engine.IdentityService;

/**
 * Users a test makes in the engine's identity service (the same users every login asks): a user with a password, in
 * the given groups. Idempotent, so a test may call it in every {@code @BeforeEach} on the shared context; a group
 * that does not exist yet (e.g. a unit no longer configured) is created. Delete the users in {@code @AfterEach}.
 */
public final class TestUsers {

    private TestUsers() {}

    /** The user {@code id} with {@code password}, a member of every one of {@code groups}. */
    public static void user(IdentityService identity, String id, String password, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setFirstName("Test");
            user.setLastName(id);
            user.setPassword(password);
            identity.saveUser(user);
        }
        for (String group : groups) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                identity.saveGroup(identity.newGroup(group));
            }
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }

    /** Deletes the users (and so their memberships); unknown ids are ignored. */
    public static void delete(IdentityService identity, String... ids) {
        for (String id : ids) {
            identity.deleteUser(id);
        }
    }
}
