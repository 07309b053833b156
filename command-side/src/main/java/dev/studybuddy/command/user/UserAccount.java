package dev.studybuddy.command.user;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import dev.studybuddy.api.user.DeactivateUserCommand;
import dev.studybuddy.api.user.EmailChangedEvent;
import dev.studybuddy.api.user.EmailVerifiedEvent;
import dev.studybuddy.api.user.EndSessionCommand;
import dev.studybuddy.api.user.EraseUserCommand;
import dev.studybuddy.api.user.PasswordChangedEvent;
import dev.studybuddy.api.user.PlatformRole;
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
import dev.studybuddy.command.config.AggregateLocks;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A person's account: public profile, platform roles and whether it is still open. */
@Aggregate(lockFactory = AggregateLocks.LOCK_FACTORY)
public class UserAccount {

    @AggregateIdentifier
    private UUID userId;

    private String displayName;
    private String bio;
    private Set<PlatformRole> roles;
    private boolean active;
    private UUID avatarFileId;
    private boolean emailVerified;
    private boolean erased;

    protected UserAccount() {}

    @CommandHandler
    public UserAccount(RegisterUserCommand command) {
        apply(new UserRegisteredEvent(command.userId(), command.username(), command.displayName(), command.roles()));
    }

    @CommandHandler
    public void handle(ChangeProfileCommand command) {
        requireActive();
        String newDisplayName = command.displayName() != null ? command.displayName() : displayName;
        String newBio = command.bio() != null ? command.bio() : bio;
        if (Objects.equals(newDisplayName, displayName) && Objects.equals(newBio, bio)) {
            return;
        }
        apply(new ProfileChangedEvent(userId, newDisplayName, newBio));
    }

    /** Whether the file is an AVATAR image of this user's own is checked before (FileCatalog). */
    @CommandHandler
    public void handle(ChangeAvatarCommand command) {
        requireActive();
        if (command.fileId().equals(avatarFileId)) {
            return;
        }
        apply(new AvatarChangedEvent(userId, command.fileId()));
    }

    /**
     * The user takes their avatar away while the account is active; its file's deletion takes it away on a closed
     * account too, since deleting the file (also in an erasure) must not fail on it.
     */
    @CommandHandler
    public void handle(RemoveAvatarCommand command) {
        if (command.byTheUser()) {
            requireActive();
        }
        if (command.takesAway(avatarFileId)) {
            apply(new AvatarRemovedEvent(userId, avatarFileId));
        }
    }

    @CommandHandler
    public void handle(ChangePlatformRolesCommand command, @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        requireActive();
        if (isSelf(actor)
                && roles.contains(PlatformRole.ADMIN)
                && !command.roles().contains(PlatformRole.ADMIN)) {
            throw new DomainException(
                    ErrorCode.RULE_VIOLATED,
                    "An administrator cannot take the ADMIN role from themselves; ask another administrator.");
        }
        if (command.roles().equals(roles)) {
            return;
        }
        apply(new PlatformRolesChangedEvent(userId, roles, command.roles()));
    }

    @CommandHandler
    public void handle(DeactivateUserCommand command, @MetaDataValue(MessageMetadata.ACTOR) String actor) {
        if (isSelf(actor) && roles.contains(PlatformRole.ADMIN)) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "An administrator cannot deactivate themselves.");
        }
        if (!active) {
            return;
        }
        apply(new UserDeactivatedEvent(userId));
    }

    /** Only a deactivated account opens again; an erased one has nobody left to open it for. */
    @CommandHandler
    public void handle(ReactivateUserCommand command) {
        if (erased) {
            throw new DomainException(ErrorCode.RULE_VIOLATED, "An erased account is not reactivated.");
        }
        if (!active) {
            apply(new UserReactivatedEvent(userId));
        }
    }

    /** The password itself was checked and stored by identity; here only an open account may change it. */
    @CommandHandler
    public void handle(ChangePasswordCommand command) {
        requireActive();
        apply(new PasswordChangedEvent(userId));
    }

    /** The link's token was checked and spent by identity, which keeps the address itself. */
    @CommandHandler
    public void handle(VerifyEmailCommand command) {
        requireActive();
        if (emailVerified) {
            return;
        }
        apply(new EmailVerifiedEvent(userId));
    }

    /** The new address was checked and stored by identity; it is not verified yet. */
    @CommandHandler
    public void handle(ChangeEmailCommand command) {
        requireActive();
        apply(new EmailChangedEvent(userId));
    }

    /** Allowed on a closed account too: it only makes sure no token of it is left. */
    @CommandHandler
    public void handle(SignOutEverywhereCommand command) {
        apply(new SignedOutEverywhereEvent(userId));
    }

    /** Allowed on a closed account too, like signing out everywhere. */
    @CommandHandler
    public void handle(EndSessionCommand command) {
        apply(new SessionEndedEvent(userId, command.sessionId()));
    }

    /**
     * Identity has forgotten the account and its data key is destroyed already (AccountErasure); allowed on a closed
     * account too, and once only.
     */
    @CommandHandler
    public void handle(EraseUserCommand command) {
        if (erased) {
            return;
        }
        apply(new UserErasedEvent(userId));
    }

    @EventSourcingHandler
    void on(UserRegisteredEvent event) {
        userId = event.userId();
        displayName = event.displayName();
        roles = event.roles();
        active = true;
    }

    @EventSourcingHandler
    void on(ProfileChangedEvent event) {
        displayName = event.displayName();
        bio = event.bio();
    }

    @EventSourcingHandler
    void on(AvatarChangedEvent event) {
        avatarFileId = event.fileId();
    }

    @EventSourcingHandler
    void on(AvatarRemovedEvent event) {
        avatarFileId = null;
    }

    @EventSourcingHandler
    void on(PlatformRolesChangedEvent event) {
        roles = event.roles();
    }

    @EventSourcingHandler
    void on(EmailVerifiedEvent event) {
        emailVerified = true;
    }

    @EventSourcingHandler
    void on(EmailChangedEvent event) {
        emailVerified = false;
    }

    @EventSourcingHandler
    void on(UserDeactivatedEvent event) {
        active = false;
    }

    @EventSourcingHandler
    void on(UserReactivatedEvent event) {
        active = true;
    }

    @EventSourcingHandler
    void on(UserErasedEvent event) {
        active = false;
        erased = true;
        displayName = null;
        bio = null;
    }

    boolean isActive() {
        return active;
    }

    private void requireActive() {
        if (!active) {
            throw new DomainException(ErrorCode.ACCOUNT_DEACTIVATED, "This account is deactivated.");
        }
    }

    private boolean isSelf(String actor) {
        return userId.toString().equals(actor);
    }
}
