package dev.studybuddy.command.friendship;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.friendship.AcceptFriendRequestCommand;
import dev.studybuddy.api.friendship.AddDirectReactionCommand;
import dev.studybuddy.api.friendship.BlockUserCommand;
import dev.studybuddy.api.friendship.CancelFriendRequestCommand;
import dev.studybuddy.api.friendship.DeclineFriendRequestCommand;
import dev.studybuddy.api.friendship.DeleteDirectMessageCommand;
import dev.studybuddy.api.friendship.DirectMessageDeletedEvent;
import dev.studybuddy.api.friendship.DirectMessageEditedEvent;
import dev.studybuddy.api.friendship.DirectMessagePinnedEvent;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.DirectMessageUnpinnedEvent;
import dev.studybuddy.api.friendship.DirectReactionAddedEvent;
import dev.studybuddy.api.friendship.DirectReactionRemovedEvent;
import dev.studybuddy.api.friendship.DirectReadPositionAdvancedEvent;
import dev.studybuddy.api.friendship.EditDirectMessageCommand;
import dev.studybuddy.api.friendship.FriendRequestAcceptedEvent;
import dev.studybuddy.api.friendship.FriendRequestCancelledEvent;
import dev.studybuddy.api.friendship.FriendRequestDeclinedEvent;
import dev.studybuddy.api.friendship.FriendRequestOutcome;
import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipEndedEvent;
import dev.studybuddy.api.friendship.MarkDirectReadCommand;
import dev.studybuddy.api.friendship.PinDirectMessageCommand;
import dev.studybuddy.api.friendship.RemoveDirectReactionCommand;
import dev.studybuddy.api.friendship.RemoveFriendCommand;
import dev.studybuddy.api.friendship.SendDirectMessageCommand;
import dev.studybuddy.api.friendship.SendFriendRequestCommand;
import dev.studybuddy.api.friendship.UnblockUserCommand;
import dev.studybuddy.api.friendship.UnpinDirectMessageCommand;
import dev.studybuddy.api.friendship.UserBlockedEvent;
import dev.studybuddy.api.friendship.UserUnblockedEvent;
import dev.studybuddy.command.chat.EditWindow;
import dev.studybuddy.command.chat.PinnedMessages;
import dev.studybuddy.command.chat.PostedMessage;
import dev.studybuddy.command.chat.RecentMessages;
import dev.studybuddy.command.chat.RecentReactions;
import dev.studybuddy.command.user.UserDirectory;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Everything between two users: one pending request at most, the friendship itself, and each side's
 * block. One aggregate per pair, so two requests can never both be pending. Direct messages make its stream
 * long, so it is snapshotted and cached (see FriendshipConfiguration), and it keeps only the latest messages
 * ({@link RecentMessages}); snapshots are Jackson documents of these fields.
 */
@Aggregate(snapshotTriggerDefinition = FriendshipConfiguration.SNAPSHOT_TRIGGER, cache = FriendshipConfiguration.CACHE)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Friendship {

    @AggregateIdentifier
    private String friendshipId;

    private UUID requester;
    private UUID addressee;
    private boolean friends;
    private Set<UUID> blockers = new HashSet<>();
    private RecentMessages recentMessages = new RecentMessages();
    private Map<UUID, Long> readPositions = new HashMap<>();
    /** Left out of a snapshot while empty, as it was before pins. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private PinnedMessages pinnedMessages = new PinnedMessages();

    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = RecentReactions.WhenEmpty.class)
    private RecentReactions recentReactions = new RecentReactions();

    protected Friendship() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public FriendRequestOutcome handle(SendFriendRequestCommand command, UserDirectory users) {
        if (!blockers.isEmpty() || users.statusOf(command.addresseeId()) == UserDirectory.Status.DEACTIVATED) {
            throw new DomainException(
                    ErrorCode.FRIEND_REQUEST_NOT_POSSIBLE, "You cannot send a friend request to this user.");
        }
        if (users.statusOf(command.addresseeId()) == UserDirectory.Status.UNKNOWN) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such user.");
        }
        if (friends) {
            throw new DomainException(ErrorCode.ALREADY_FRIENDS, "You are friends already.");
        }
        if (requester != null) {
            if (requester.equals(command.requesterId())) {
                throw new DomainException(ErrorCode.REQUEST_ALREADY_PENDING, "Your request is pending already.");
            }
            apply(new FriendRequestAcceptedEvent(command.friendshipId(), requester, addressee));
            return FriendRequestOutcome.ACCEPTED;
        }
        apply(new FriendRequestSentEvent(command.friendshipId(), command.requesterId(), command.addresseeId()));
        return FriendRequestOutcome.PENDING;
    }

    // Answering or cancelling on a pair with no history yet is "nothing pending", not "no such aggregate".
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AcceptFriendRequestCommand command) {
        requirePendingTo(command.accepterId(), command.requesterId());
        apply(new FriendRequestAcceptedEvent(friendshipId, requester, addressee));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DeclineFriendRequestCommand command) {
        requirePendingTo(command.declinerId(), command.requesterId());
        apply(new FriendRequestDeclinedEvent(friendshipId, requester, addressee));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CancelFriendRequestCommand command) {
        if (requester == null || !requester.equals(command.requesterId())) {
            throw nothingPending();
        }
        apply(new FriendRequestCancelledEvent(friendshipId, requester, addressee));
    }

    @CommandHandler
    public void handle(RemoveFriendCommand command) {
        if (!friends) {
            throw new DomainException(ErrorCode.NOT_FOUND, "You are not friends.");
        }
        apply(new FriendshipEndedEvent(friendshipId, command.userId(), command.friendId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(BlockUserCommand command, UserDirectory users) {
        if (blockers.contains(command.blockerId())) {
            return;
        }
        if (friendshipId == null && users.statusOf(command.blockedId()) == UserDirectory.Status.UNKNOWN) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such user.");
        }
        apply(new UserBlockedEvent(
                command.friendshipId(), command.blockerId(), command.blockedId(), friends, requester));
    }

    @CommandHandler
    public void handle(UnblockUserCommand command) {
        if (blockers.contains(command.blockerId())) {
            apply(new UserUnblockedEvent(friendshipId, command.blockerId(), command.blockedId()));
        }
    }

    /** @return the message's place in the conversation: the sequence number of its event */
    @CommandHandler
    public long handle(SendDirectMessageCommand command) {
        requireFriendsWithoutBlock();
        recentMessages.requireNew(command.messageId(), command.replyTo());
        apply(new DirectMessageSentEvent(
                friendshipId,
                command.messageId(),
                command.senderId(),
                command.recipientId(),
                command.body(),
                command.replyTo(),
                command.attachments()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public void handle(EditDirectMessageCommand command, EditWindow editWindow) {
        PostedMessage message = recentMessages.requireEditableBy(command.messageId(), command.editorId());
        requireFriendsWithoutBlock();
        editWindow.requireOpenFor(message);
        apply(new DirectMessageEditedEvent(friendshipId, command.messageId(), command.body()));
    }

    /**
     * The author deletes their message, also after the friendship ended, while it is one of the latest: of an
     * older one the pair no longer knows the author.
     */
    @CommandHandler
    public void handle(DeleteDirectMessageCommand command) {
        switch (recentMessages.deletionBy(command.messageId(), command.userId())) {
            case OWN -> {
                apply(new DirectMessageDeletedEvent(friendshipId, command.messageId(), command.userId()));
                if (pinnedMessages.isPinned(command.messageId())) {
                    apply(new DirectMessageUnpinnedEvent(friendshipId, command.messageId(), command.userId()));
                }
            }
            case OWN_AGAIN -> {}
            case ANOTHERS ->
                throw new DomainException(ErrorCode.FORBIDDEN, "Only the author deletes a direct message.");
            case ANOTHERS_AGAIN -> throw new DomainException(ErrorCode.NOT_FOUND, "No such message.");
            case FORGOTTEN ->
                throw new DomainException(
                        ErrorCode.RULE_VIOLATED,
                        "Only the latest " + RecentMessages.CAPACITY + " messages of a conversation can be deleted.");
        }
    }

    /** Either friend pins, while they are friends and neither blocks; pinning a pinned message again changes nothing. */
    @CommandHandler
    public void handle(PinDirectMessageCommand command) {
        requireFriendsWithoutBlock();
        if (pinnedMessages.requirePinnable(command.messageId(), recentMessages)) {
            apply(new DirectMessagePinnedEvent(friendshipId, command.messageId(), command.userId()));
        }
    }

    @CommandHandler
    public void handle(UnpinDirectMessageCommand command) {
        requireFriendsWithoutBlock();
        if (pinnedMessages.isPinned(command.messageId())) {
            apply(new DirectMessageUnpinnedEvent(friendshipId, command.messageId(), command.userId()));
        }
    }

    /** Either friend reacts to the latest messages, while they are friends and neither blocks; once per emoji. */
    @CommandHandler
    public void handle(AddDirectReactionCommand command) {
        requireFriendsWithoutBlock();
        if (recentReactions.requireAddable(command.messageId(), command.userId(), command.emoji(), recentMessages)) {
            apply(new DirectReactionAddedEvent(friendshipId, command.messageId(), command.userId(), command.emoji()));
        }
    }

    @CommandHandler
    public void handle(RemoveDirectReactionCommand command) {
        requireFriendsWithoutBlock();
        if (recentReactions.requireRemovable(command.messageId(), command.userId(), command.emoji(), recentMessages)) {
            apply(new DirectReactionRemovedEvent(friendshipId, command.messageId(), command.userId(), command.emoji()));
        }
    }

    @CommandHandler
    public void handle(MarkDirectReadCommand command) {
        if (command.seq() > readPositions.getOrDefault(command.userId(), -1L)) {
            apply(new DirectReadPositionAdvancedEvent(friendshipId, command.userId(), command.seq()));
        }
    }

    private void requireFriendsWithoutBlock() {
        if (!friends || !blockers.isEmpty()) {
            throw new DomainException(ErrorCode.NOT_FRIENDS, "You can only write to your friends.");
        }
    }

    /**
     * Only the addressee answers a request, and only the one that is actually pending. A requester
     * answering their own request names the other side as requester, so the addressee is checked first:
     * they are told they may not, rather than that nothing is pending.
     */
    private void requirePendingTo(UUID answeringUser, UUID claimedRequester) {
        if (requester == null) {
            throw nothingPending();
        }
        if (!addressee.equals(answeringUser)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only the addressee answers a friend request.");
        }
        if (!requester.equals(claimedRequester)) {
            throw nothingPending();
        }
    }

    private static DomainException nothingPending() {
        return new DomainException(ErrorCode.NOTHING_PENDING, "There is no such pending friend request.");
    }

    @EventSourcingHandler
    void on(FriendRequestSentEvent event) {
        friendshipId = event.friendshipId();
        requester = event.requesterId();
        addressee = event.addresseeId();
    }

    @EventSourcingHandler
    void on(FriendRequestAcceptedEvent event) {
        clearRequest();
        friends = true;
    }

    @EventSourcingHandler
    void on(FriendRequestDeclinedEvent event) {
        clearRequest();
    }

    @EventSourcingHandler
    void on(FriendRequestCancelledEvent event) {
        clearRequest();
    }

    @EventSourcingHandler
    void on(FriendshipEndedEvent event) {
        friends = false;
    }

    @EventSourcingHandler
    void on(UserBlockedEvent event) {
        friendshipId = event.friendshipId();
        clearRequest();
        friends = false;
        blockers.add(event.blockerId());
    }

    @EventSourcingHandler
    void on(UserUnblockedEvent event) {
        blockers.remove(event.blockerId());
    }

    @EventSourcingHandler
    void on(DirectMessageSentEvent event, @Timestamp Instant sentAt) {
        recentMessages.posted(event.messageId(), event.senderId(), sentAt).ifPresent(recentReactions::forget);
    }

    @EventSourcingHandler
    void on(DirectMessageDeletedEvent event) {
        recentMessages.deleted(event.messageId());
        recentReactions.forget(event.messageId());
    }

    @EventSourcingHandler
    void on(DirectReactionAddedEvent event) {
        recentReactions.added(event.messageId(), event.userId(), event.emoji());
    }

    @EventSourcingHandler
    void on(DirectReactionRemovedEvent event) {
        recentReactions.removed(event.messageId(), event.userId(), event.emoji());
    }

    @EventSourcingHandler
    void on(DirectMessagePinnedEvent event) {
        pinnedMessages.pinned(event.messageId());
    }

    @EventSourcingHandler
    void on(DirectMessageUnpinnedEvent event) {
        pinnedMessages.unpinned(event.messageId());
    }

    @EventSourcingHandler
    void on(DirectReadPositionAdvancedEvent event) {
        readPositions.put(event.userId(), event.seq());
    }

    private void clearRequest() {
        requester = null;
        addressee = null;
    }
}
