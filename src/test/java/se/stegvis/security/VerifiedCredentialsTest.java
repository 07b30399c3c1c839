package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.stegvis.config.EngineClock;

/**
 * Verified credentials are remembered, but never longer than the identity service would accept them: a wrong
 * password always goes to the identity service (and counts as a failed attempt), and a new password, a lock or a
 * removal takes effect at the next recheck (10 s by default) — on Camunda's in-memory engine with its real users.
 */
class VerifiedCredentialsTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    static final Duration RECHECK = Duration.ofSeconds(10);
    static final Instant START = Instant.parse("2026-11-30T08:00:00Z");

    ProcessEngine processEngine;
    IdentityService identity;
    VerifiedCredentials credentials;

    @BeforeEach
    void users() {
        ClockUtil.setCurrentTime(Date.from(START));
        IdentityService real = processEngine.getIdentityService();
        User user = real.newUser("cachetest1");
        user.setPassword("gammalt-lösen-1");
        real.saveUser(user);
        real.saveGroup(real.newGroup("cachegrupp"));
        real.createMembership("cachetest1", "cachegrupp");
        identity = spy(real);
        credentials = new VerifiedCredentials(identity, new EngineClock(java.time.ZoneId.of("Europe/Stockholm")),
                RECHECK, Duration.ofSeconds(60), 100);
    }

    @AfterEach
    void cleanUp() {
        IdentityService real = processEngine.getIdentityService();
        real.deleteMembership("cachetest1", "cachegrupp");
        real.deleteGroup("cachegrupp");
        real.deleteUser("cachetest1");
        ClockUtil.reset();
    }

    @Test
    void aVerifiedPasswordIsNotCheckedAgainWithinTheRecheck() {
        assertThat(credentials.verify("cachetest1", "gammalt-lösen-1")).get()
                .satisfies(v -> assertThat(v.groups()).containsExactly("cachegrupp"));
        at(START.plusSeconds(5));
        assertThat(credentials.verify("cachetest1", "gammalt-lösen-1")).isPresent();
        assertThat(credentials.verify("cachetest1", "gammalt-lösen-1")).isPresent();
        verify(identity, times(1)).checkPassword("cachetest1", "gammalt-lösen-1");
        // After the recheck: the user is read again (not the password checked) and is still the same.
        at(START.plusSeconds(15));
        assertThat(credentials.verify("cachetest1", "gammalt-lösen-1")).isPresent();
        verify(identity, times(1)).checkPassword("cachetest1", "gammalt-lösen-1");
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndCountsAsAFailedAttempt() {
        assertThat(credentials.verify("cachetest1", "gammalt-lösen-1")).isPresent();
        assertThat(credentials.verify("cachetest1", "fel")).isEmpty();
        at(START.plusSeconds(120));
        assertThat(credentials.verify("cachetest1", "fel")).isEmpty();
        verify(identity, times(2)).checkPassword("cachetest1", "fel");
        assertThat(processEngine.getIdentityService().createUserQuery().userId("cachetest1").singleResult())
                .extracting("attempts").isEqualTo(2);
        assertThat(credentials.verify("cachetest1", null)).isEmpty();
        assertThat(credentials.verify("", "gammalt-lösen-1")).isEmpty();
        assertThat(credentials.verify("okand", "gammalt-lösen-1")).isEmpty();
    }

    @Test
    void aNewPasswordTakesEffectAtTheNextRecheck() {
        assertThat(credentials.verify("cachetest1", "gammalt-lösen-1")).isPresent();
        User user = processEngine.getIdentityService().createUserQuery().userId("cachetest1").singleResult();
        user.setPassword("nytt-lösen-2");
        processEngine.getIdentityService().saveUser(user);
        at(START.plus(RECHECK).plusSeconds(1));
        assertThat(credentials.verify("cachetest1", "gammalt-lösen-1")).isEmpty();
        // That was a failed attempt: Camunda delays the user's next login a few seconds.
        at(START.plus(Duration.ofMinutes(2)));
        assertThat(credentials.verify("cachetest1", "nytt-lösen-2")).isPresent();
    }

    @Test
    void aRemovedUserIsRefusedAtTheNextRecheck() {
        assertThat(credentials.verify("cachetest1", "gammalt-lösen-1")).isPresent();
        processEngine.getIdentityService().deleteMembership("cachetest1", "cachegrupp");
        processEngine.getIdentityService().deleteUser("cachetest1");
        at(START.plus(RECHECK).plusSeconds(1));
        assertThat(credentials.verify("cachetest1", "gammalt-lösen-1")).isEmpty();
        assertThat(credentials.size()).isZero();
    }

    @Test
    void aLockedUserIsRefusedAtTheNextRecheck() {
        assertThat(credentials.verify("cachetest1", "gammalt-lösen-1")).isPresent();
        // Camunda locks a user after repeated wrong passwords (loginMaxAttempts, 10 by default), each after a delay.
        for (int i = 1; i <= 10; i++) {
            at(START.plus(Duration.ofMinutes(2 * i)));
            processEngine.getIdentityService().checkPassword("cachetest1", "gissat-" + i);
        }
        assertThat(processEngine.getIdentityService().checkPassword("cachetest1", "gammalt-lösen-1")).isFalse();
        assertThat(credentials.verify("cachetest1", "gammalt-lösen-1")).isEmpty();
    }

    private static void at(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }
}
