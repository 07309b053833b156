package dev.studybuddy.command.user;

import static dev.studybuddy.api.user.PlatformRole.ADMIN;
import static dev.studybuddy.api.user.PlatformRole.AUDITOR;
import static dev.studybuddy.api.user.PlatformRole.MODERATOR;
import static dev.studybuddy.api.user.PlatformRole.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.metadata.MessageMetadata;
import dev.studybuddy.api.user.AvatarChangedEvent;
import dev.studybuddy.api.user.AvatarRemovedEvent;
import dev.studybuddy.api.user.ChangeAvatarCommand;
import dev.studybuddy.api.user.ChangeEmailCommand;
import dev.studybuddy.api.user.ChangePasswordCommand;
import dev.studybuddy.api.user.ChangePlatformRolesCommand;
import dev.studybuddy.api.user.ChangeProfileCommand;
import dev.studybuddy.api.user.ChangesSecurityStamp;
import dev.studybuddy.api.user.DeactivateUserCommand;
import dev.studybuddy.api.user.EmailChangedEvent;
import dev.studybuddy.api.user.EmailVerifiedEvent;
import dev.studybuddy.api.user.EndSessionCommand;
import dev.studybuddy.api.user.EraseUserCommand;
import dev.studybuddy.api.user.PasswordChangedEvent;
import dev.studybuddy.api.user.PlatformRolesChangedEvent;
import dev.studybuddy.api.user.ProfileChangedEvent;
import dev.studybuddy.api.user.ReactivateUserCommand;
import dev.studybuddy.api.user.RegisterUserCommand;
import dev.studybuddy.api.user.RemoveAvatarCommand;
import dev.studybuddy.api.user.SessionEndedEvent;
import dev.studybuddy.api.user.SignOutEverywhereCommand;
import dev.studybuddy.api.user.SignedOutEverywhereEvent;
import dev.studybuddy.api.user.UserDeactivatedEvent;
import dev.studybuddy.api.user.UserErasedEvent;
import dev.studybuddy.api.user.UserReactivatedEvent;
import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.api.user.VerifyEmailCommand;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID ADMIN_ID = UUID.randomUUID();

    private AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
    }

    private static UserRegisteredEvent aliceRegistered() {
        return new UserRegisteredEvent(ALICE, "alice", "Alice", Set.of(USER));
    }

    private static MetaData actedBy(UUID actor) {
        return MetaData.with(MessageMetadata.ACTOR, actor.toString());
    }

    @Test
    void signingOutEverywhereChangesTheSecurityStampEachTimeEvenOfAClosedAccount() {
        fixture.given(aliceRegistered(), new SignedOutEverywhereEvent(ALICE), new UserDeactivatedEvent(ALICE))
                .when(new SignOutEverywhereCommand(ALICE))
                .expectEvents(new SignedOutEverywhereEvent(ALICE));
    }

    @Test
    void endingOneSessionNamesItAndLeavesTheSecurityStampAloneEvenOfAClosedAccount() {
        UUID laptop = UUID.randomUUID();
        fixture.given(aliceRegistered(), new UserDeactivatedEvent(ALICE))
                .when(new EndSessionCommand(ALICE, laptop))
                .expectEvents(new SessionEndedEvent(ALICE, laptop));
        assertThat(new SessionEndedEvent(ALICE, laptop)).isNotInstanceOf(ChangesSecurityStamp.class);
    }

    @Test
    void erasureIsRecordedOnceEvenOfAClosedAccountAndChangesTheSecurityStamp() {
        fixture.given(aliceRegistered(), new UserDeactivatedEvent(ALICE))
                .when(new EraseUserCommand(ALICE))
                .expectEvents(new UserErasedEvent(ALICE));
        fixture.given(aliceRegistered(), new UserErasedEvent(ALICE))
                .when(new EraseUserCommand(ALICE))
                .expectNoEvents();
        assertThat(new UserErasedEvent(ALICE)).isInstanceOf(ChangesSecurityStamp.class);
    }

    @Test
    void anErasedAccountIsClosed() {
        fixture.given(aliceRegistered(), new UserErasedEvent(ALICE))
                .when(new ChangeProfileCommand(ALICE, "Back", null))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("This account is deactivated.");
    }

    @Test
    void changingThePasswordChangesTheSecurityStamp() {
        fixture.given(aliceRegistered())
                .when(new ChangePasswordCommand(ALICE))
                .expectEvents(new PasswordChangedEvent(ALICE));
        assertThat(new PasswordChangedEvent(ALICE)).isInstanceOf(ChangesSecurityStamp.class);
    }

    @Test
    void verifyingTheAddressIsRecordedOnceAndLeavesTheSecurityStampAlone() {
        fixture.given(aliceRegistered())
                .when(new VerifyEmailCommand(ALICE))
                .expectEvents(new EmailVerifiedEvent(ALICE));
        fixture.given(aliceRegistered(), new EmailVerifiedEvent(ALICE))
                .when(new VerifyEmailCommand(ALICE))
                .expectNoEvents();
        assertThat(new EmailVerifiedEvent(ALICE)).isNotInstanceOf(ChangesSecurityStamp.class);
    }

    @Test
    void changingTheAddressUnverifiesItAndChangesTheSecurityStamp() {
        fixture.given(aliceRegistered(), new EmailVerifiedEvent(ALICE), new EmailChangedEvent(ALICE))
                .when(new VerifyEmailCommand(ALICE))
                .expectEvents(new EmailVerifiedEvent(ALICE));
        fixture.given(aliceRegistered(), new UserDeactivatedEvent(ALICE))
                .when(new ChangeEmailCommand(ALICE))
                .expectNoEvents()
                .expectException(DomainException.class);
        assertThat(new EmailChangedEvent(ALICE)).isInstanceOf(ChangesSecurityStamp.class);
    }

    @Test
    void aDeactivatedAccountCannotVerifyAnAddress() {
        fixture.given(aliceRegistered(), new UserDeactivatedEvent(ALICE))
                .when(new VerifyEmailCommand(ALICE))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void aDeactivatedAccountCannotChangeItsPassword() {
        fixture.given(aliceRegistered(), new UserDeactivatedEvent(ALICE))
                .when(new ChangePasswordCommand(ALICE))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("This account is deactivated.");
    }

    @Test
    void registeringOpensAnAccountWithTheUserRole() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUserCommand(ALICE, "Alice", "  Alice  ", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRegisteredEvent(ALICE, "alice", "Alice", Set.of(USER)));
    }

    @Test
    void usernameMustBeThreeToThirtyTwoAllowedCharacters() {
        assertThatThrownBy(() -> new RegisterUserCommand(ALICE, "al", "Alice", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegisterUserCommand(ALICE, "a".repeat(33), "Alice", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegisterUserCommand(ALICE, "alice smith", "Alice", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegisterUserCommand(ALICE, "alice-smith", "Alice", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RegisterUserCommand(ALICE, "Alice_S.1", "Alice", null).username())
                .isEqualTo("alice_s.1");
    }

    @Test
    void displayNameMustNotBeBlankOrTooLong() {
        assertThatThrownBy(() -> new RegisterUserCommand(ALICE, "alice", "   ", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangeProfileCommand(ALICE, "x".repeat(65), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangeProfileCommand(ALICE, null, "b".repeat(501)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void profileChangeKeepsWhatIsNotGiven() {
        fixture.given(aliceRegistered(), new ProfileChangedEvent(ALICE, "Alice", "maths"))
                .when(new ChangeProfileCommand(ALICE, "Alice L.", null))
                .expectEvents(new ProfileChangedEvent(ALICE, "Alice L.", "maths"));
    }

    @Test
    void unchangedProfileRecordsNothing() {
        fixture.given(aliceRegistered())
                .when(new ChangeProfileCommand(ALICE, "Alice", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void deactivatedAccountRefusesProfileChanges() {
        fixture.given(aliceRegistered(), new UserDeactivatedEvent(ALICE))
                .when(new ChangeProfileCommand(ALICE, "New", null))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("This account is deactivated.");
    }

    @Test
    void everyAccountKeepsTheUserRole() {
        fixture.given(aliceRegistered())
                .when(new ChangePlatformRolesCommand(ALICE, Set.of(MODERATOR)), actedBy(ADMIN_ID))
                .expectEvents(new PlatformRolesChangedEvent(ALICE, Set.of(USER), Set.of(USER, MODERATOR)));
    }

    @Test
    void grantingTheSameRolesRecordsNothing() {
        fixture.given(aliceRegistered())
                .when(new ChangePlatformRolesCommand(ALICE, Set.of(USER)), actedBy(ADMIN_ID))
                .expectNoEvents();
    }

    @Test
    void administratorCannotTakeTheAdminRoleFromThemselves() {
        fixture.given(new UserRegisteredEvent(ADMIN_ID, "root", "Root", Set.of(USER, ADMIN)))
                .when(new ChangePlatformRolesCommand(ADMIN_ID, Set.of(AUDITOR)), actedBy(ADMIN_ID))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void administratorMayChangeTheirOtherRoles() {
        fixture.given(new UserRegisteredEvent(ADMIN_ID, "root", "Root", Set.of(USER, ADMIN)))
                .when(new ChangePlatformRolesCommand(ADMIN_ID, Set.of(ADMIN, AUDITOR)), actedBy(ADMIN_ID))
                .expectEvents(
                        new PlatformRolesChangedEvent(ADMIN_ID, Set.of(USER, ADMIN), Set.of(USER, ADMIN, AUDITOR)));
    }

    @Test
    void deactivatedAccountRefusesRoleChanges() {
        fixture.given(aliceRegistered(), new UserDeactivatedEvent(ALICE))
                .when(new ChangePlatformRolesCommand(ALICE, Set.of(MODERATOR)), actedBy(ADMIN_ID))
                .expectException(DomainException.class);
    }

    @Test
    void deactivationClosesTheAccountOnce() {
        fixture.given(aliceRegistered())
                .when(new DeactivateUserCommand(ALICE), actedBy(ADMIN_ID))
                .expectEvents(new UserDeactivatedEvent(ALICE));
        fixture.given(aliceRegistered(), new UserDeactivatedEvent(ALICE))
                .when(new DeactivateUserCommand(ALICE), actedBy(ADMIN_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void administratorCannotDeactivateThemselves() {
        fixture.given(new UserRegisteredEvent(ADMIN_ID, "root", "Root", Set.of(USER, ADMIN)))
                .when(new DeactivateUserCommand(ADMIN_ID), actedBy(ADMIN_ID))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void refusalsCarryAStableCode() {
        fixture.given(aliceRegistered(), new UserDeactivatedEvent(ALICE))
                .when(new ChangeProfileCommand(ALICE, "New", null))
                .expectException(Matchers.predicate(
                        e -> e instanceof DomainException refusal && refusal.code() == ErrorCode.ACCOUNT_DEACTIVATED));
    }

    @Test
    void anAvatarChangeIsRecordedOnlyWhenTheFileIsANewOne() {
        UUID avatar = UUID.randomUUID();
        fixture.given(aliceRegistered())
                .when(new ChangeAvatarCommand(ALICE, avatar))
                .expectEvents(new AvatarChangedEvent(ALICE, avatar));
        fixture.given(aliceRegistered(), new AvatarChangedEvent(ALICE, avatar))
                .when(new ChangeAvatarCommand(ALICE, avatar))
                .expectNoEvents();
    }

    @Test
    void onlyADeactivatedAccountIsReactivated() {
        fixture.given(aliceRegistered(), new UserDeactivatedEvent(ALICE))
                .when(new ReactivateUserCommand(ALICE))
                .expectEvents(new UserReactivatedEvent(ALICE));
        fixture.given(aliceRegistered(), new UserDeactivatedEvent(ALICE), new UserReactivatedEvent(ALICE))
                .when(new ChangeProfileCommand(ALICE, "Back", null))
                .expectEvents(new ProfileChangedEvent(ALICE, "Back", null));
        fixture.given(aliceRegistered())
                .when(new ReactivateUserCommand(ALICE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(aliceRegistered(), new UserErasedEvent(ALICE))
                .when(new ReactivateUserCommand(ALICE))
                .expectNoEvents()
                .expectException(Matchers.predicate(
                        e -> e instanceof DomainException refusal && refusal.code() == ErrorCode.RULE_VIOLATED));
    }

    @Test
    void anAvatarIsRemovedByItsUserOrWithItsFile() {
        UUID avatar = UUID.randomUUID();
        fixture.given(aliceRegistered(), new AvatarChangedEvent(ALICE, avatar))
                .when(RemoveAvatarCommand.whicheverItIs(ALICE))
                .expectEvents(new AvatarRemovedEvent(ALICE, avatar));
        fixture.given(aliceRegistered(), new AvatarChangedEvent(ALICE, avatar))
                .when(RemoveAvatarCommand.ifItIs(ALICE, avatar))
                .expectEvents(new AvatarRemovedEvent(ALICE, avatar));
        fixture.given(aliceRegistered(), new AvatarChangedEvent(ALICE, avatar))
                .when(RemoveAvatarCommand.ifItIs(ALICE, UUID.randomUUID()))
                .expectNoEvents();
        fixture.given(aliceRegistered(), new AvatarChangedEvent(ALICE, avatar), new AvatarRemovedEvent(ALICE, avatar))
                .when(RemoveAvatarCommand.whicheverItIs(ALICE))
                .expectNoEvents();
        fixture.given(aliceRegistered())
                .when(RemoveAvatarCommand.ifItIs(ALICE, avatar))
                .expectNoEvents();
    }

    @Test
    void aClosedAccountLosesItsAvatarOnlyWithItsFile() {
        UUID avatar = UUID.randomUUID();
        fixture.given(aliceRegistered(), new AvatarChangedEvent(ALICE, avatar), new UserDeactivatedEvent(ALICE))
                .when(RemoveAvatarCommand.ifItIs(ALICE, avatar))
                .expectEvents(new AvatarRemovedEvent(ALICE, avatar));
        fixture.given(aliceRegistered(), new AvatarChangedEvent(ALICE, avatar), new UserDeactivatedEvent(ALICE))
                .when(RemoveAvatarCommand.whicheverItIs(ALICE))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void aDeactivatedAccountKeepsItsAvatar() {
        fixture.given(aliceRegistered(), new UserDeactivatedEvent(ALICE))
                .when(new ChangeAvatarCommand(ALICE, UUID.randomUUID()))
                .expectException(DomainException.class);
    }
}
