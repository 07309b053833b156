package dev.studybuddy.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.api.user.PasswordChangedEvent;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.PlatformRolesChangedEvent;
import dev.studybuddy.api.user.ProfileChangedEvent;
import dev.studybuddy.api.user.SessionEndedEvent;
import dev.studybuddy.api.user.SignedOutEverywhereEvent;
import dev.studybuddy.api.user.UserDeactivatedEvent;
import dev.studybuddy.api.user.UserReactivatedEvent;
import dev.studybuddy.api.user.UserRegisteredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

class AccountSecurityTest {

    private final UUID user = UUID.randomUUID();

    @Test
    void theStampIsTheSequenceNumberOfTheLatestSecurityChange() {
        AccountSecurity account = fold(
                new UserRegisteredEvent(user, "ada", "Ada", Set.of(PlatformRole.USER)),
                new PlatformRolesChangedEvent(
                        user, Set.of(PlatformRole.USER), Set.of(PlatformRole.USER, PlatformRole.ADMIN)),
                new ProfileChangedEvent(user, "Ada L.", null));

        assertThat(account.stamp()).isEqualTo(1);
        assertThat(account.roles()).containsExactlyInAnyOrder(PlatformRole.USER, PlatformRole.ADMIN);
        assertThat(account.active()).isTrue();
    }

    @Test
    void aFreshAccountHasStampZero() {
        assertThat(fold(new UserRegisteredEvent(user, "ada", "Ada", Set.of(PlatformRole.USER)))
                        .stamp())
                .isZero();
    }

    @Test
    void signingOutEverywhereAndDeactivationMoveTheStamp() {
        AccountSecurity account = fold(
                new UserRegisteredEvent(user, "ada", "Ada", Set.of(PlatformRole.USER)),
                new SignedOutEverywhereEvent(user),
                new ProfileChangedEvent(user, "Ada", "bio"),
                new UserDeactivatedEvent(user));

        assertThat(account.stamp()).isEqualTo(3);
        assertThat(account.active()).isFalse();
    }

    @Test
    void aReactivationOpensTheAccountAgainAndMovesTheStampOnceMore() {
        AccountSecurity account = fold(
                new UserRegisteredEvent(user, "ada", "Ada", Set.of(PlatformRole.USER)),
                new UserDeactivatedEvent(user),
                new UserReactivatedEvent(user));

        assertThat(account.stamp()).isEqualTo(2);
        assertThat(account.active()).isTrue();
    }

    @Test
    void aPasswordChangeMovesTheStampAndKeepsTheAccountOpen() {
        AccountSecurity account = fold(
                new UserRegisteredEvent(user, "ada", "Ada", Set.of(PlatformRole.USER)),
                new ProfileChangedEvent(user, "Ada", "bio"),
                new PasswordChangedEvent(user));

        assertThat(account.stamp()).isEqualTo(2);
        assertThat(account.active()).isTrue();
    }

    @Test
    void anEndedSessionIsRememberedWithoutMovingTheStampUntilTheStampMoves() {
        UUID laptop = UUID.randomUUID();
        UUID phone = UUID.randomUUID();
        AccountSecurity account = fold(
                new UserRegisteredEvent(user, "ada", "Ada", Set.of(PlatformRole.USER)),
                new SessionEndedEvent(user, laptop));

        assertThat(account.stamp()).isZero();
        assertThat(account.ended(laptop)).isTrue();
        assertThat(account.ended(phone)).isFalse();
        assertThat(account.ended(null)).isFalse();

        AccountSecurity afterSignOut = fold(
                new UserRegisteredEvent(user, "ada", "Ada", Set.of(PlatformRole.USER)),
                new SessionEndedEvent(user, laptop),
                new SignedOutEverywhereEvent(user));
        assertThat(afterSignOut.stamp()).isEqualTo(2);
        assertThat(afterSignOut.endedSessions()).isEmpty();
    }

    @Test
    void anAccountWithoutEventsIsUnknown() {
        assertThat(fold()).isEqualTo(AccountSecurity.UNKNOWN);
    }

    private AccountSecurity fold(Object... payloads) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            events.add(new GenericDomainEventMessage<>("UserAccount", user.toString(), i, payloads[i]));
        }
        return AccountSecurity.of(events.stream());
    }
}
