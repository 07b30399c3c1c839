package se.stegvis.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic credentials that Camunda's identity service has verified, remembered for a short while so that a client
 * that sends them with every request (the e-service, Tasklist-like tools, the engine REST API's users) does not cost
 * a password check, a group query and a tenant query each time.
 *
 * <p>Safe by construction:
 * <ul>
 *   <li>Keyed by an HMAC-SHA256 of user and password under a key made at start-up and never stored: the password
 *       itself is nowhere in memory after the request, and the key cannot be guessed offline from a heap dump.</li>
 *   <li>Only successes are remembered. A wrong password always goes to the identity service, so its count of failed
 *       attempts and its lockout work as before.</li>
 *   <li>An entry holds the user's stored password hash, failed attempts and lock as they were when verified. At
 *       most every {@code recheck} (default 10 s) the user is read again — one query by id — and the entry is
 *       dropped when any of them changed (a new password, a failed attempt, a lock) or the user no longer exists;
 *       the identity service then decides. So a password change, a lock or a removal takes effect within
 *       {@code recheck} on every node, without a shared cache.</li>
 *   <li>The groups and tenants are read again after {@code groups-ttl} (default 60 s).</li>
 * </ul>
 */
@Component
public class VerifiedCredentials {

    /** The user a request acts as, with the groups and tenants the engine's authorization checks use. */
    public record Verified(String userId, List<String> groups, List<String> tenants) {}

    private record Entry(Verified verified, String storedPassword, Instant checkedAt, Instant groupsReadAt) {}

    private final IdentityService identityService;
    private final Clock clock;
    private final Duration recheck;
    private final Duration groupsTtl;
    private final int maxEntries;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public VerifiedCredentials(IdentityService identityService, Clock clock,
                               @Value("${stegvis.security.credentials.recheck:10s}") Duration recheck,
                               @Value("${stegvis.security.credentials.groups-ttl:60s}") Duration groupsTtl,
                               @Value("${stegvis.security.credentials.max-entries:10000}") int maxEntries) {
        this.identityService = identityService;
        this.clock = clock;
        this.recheck = recheck;
        this.groupsTtl = groupsTtl;
        this.maxEntries = maxEntries;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The user, when the password is theirs; empty for a wrong password, an unknown or a locked user. */
    public Optional<Verified> verify(String userId, String password) {
        if (userId == null || userId.isBlank() || password == null) {
            return Optional.empty();
        }
        String k = keyOf(userId, password);
        Instant now = clock.instant();
        Entry entry = entries.get(k);
        if (entry != null && entry.verified().userId().equals(userId)) {
            if (now.isBefore(entry.checkedAt().plus(recheck))) {
                return Optional.of(entry.verified());
            }
            Optional<String> stored = storedPasswordOfUnlocked(userId, now);
            if (stored.isPresent() && stored.get().equals(entry.storedPassword())) {
                Entry renewed = now.isBefore(entry.groupsReadAt().plus(groupsTtl))
                        ? new Entry(entry.verified(), entry.storedPassword(), now, entry.groupsReadAt())
                        : new Entry(read(userId), entry.storedPassword(), now, now);
                entries.put(k, renewed);
                return Optional.of(renewed.verified());
            }
            entries.remove(k);
        }
        if (!identityService.checkPassword(userId, password)) {
            entries.remove(k);
            return Optional.empty();
        }
        Optional<String> stored = storedPasswordOfUnlocked(userId, now);
        Verified verified = read(userId);
        if (stored.isPresent()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(k, new Entry(verified, stored.get(), now, now));
        }
        return Optional.of(verified);
    }

    /** Forgets every remembered credential of the user (e.g. after a change made on this node). */
    public void forget(String userId) {
        entries.values().removeIf(e -> e.verified().userId().equals(userId));
    }

    int size() {
        return entries.size();
    }

    /** The user's groups and tenants as they are now. */
    Verified read(String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).toList();
        return new Verified(userId, groups, tenants);
    }

    /** The stored password hash of an existing user who is not locked out; empty otherwise. */
    private Optional<String> storedPasswordOfUnlocked(String userId, Instant now) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (!(user instanceof UserEntity entity)) {
            return Optional.empty();
        }
        if (entity.getLockExpirationTime() != null && entity.getLockExpirationTime().toInstant().isAfter(now)) {
            return Optional.empty();
        }
        // Any failed attempt or lock since the check also changes it: then the identity service decides again.
        return Optional.of(Objects.toString(entity.getPassword(), "") + "/" + Objects.toString(entity.getSalt(), "")
                + "/" + entity.getAttempts() + "/" + entity.getLockExpirationTime());
    }

    private String keyOf(String userId, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
