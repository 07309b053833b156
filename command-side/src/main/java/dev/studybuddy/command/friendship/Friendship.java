package dev.studybuddy.command.friendship;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.friendship.AcceptFriendRequestCommand;
import dev.studybuddy.api.friendship.AddDirectReactionCommand;
import dev.studybuddy.api.friendship.BlockUserCommand;
import dev.studybuddy.api.friendship.CancelFriendRequestCommand;
import dev.studybuddy.api.friendship.DeclineFriendRequestCommand;
import dev.studybuddy.api.friendship.DeleteDirectMessageCommand;
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
import dev.studybuddy.command.chat.Conversation;
import dev.studybuddy.command.chat.EditWindow;
import dev.studybuddy.command.config.AggregateLocks;
import dev.studybuddy.command.user.UserDirectory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Everything between two users: one pending request at most, the friendship itself, each side's block, and their
 * direct messages ({@link DirectChat} on the rules of every {@link Conversation}). One aggregate per pair, so two
 * requests can never both be pending. Direct messages make its stream long, so it is snapshotted and cached (see
 * FriendshipConfiguration), and its conversation keeps only the latest messages; snapshots are Jackson documents of
 * these fields, the conversation unwrapped into the document the pair wrote before it was a class of its own
 * (FriendshipSnapshotDocumentTest).
 */
@Aggregate(
        snapshotTriggerDefinition = FriendshipConfiguration.SNAPSHOT_TRIGGER,
        cache = FriendshipConfiguration.CACHE,
        lockFactory = AggregateLocks.LOCK_FACTORY)
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
    private Map<UUID, Long> readPositions = new HashMap<>();

    @AggregateMember
    @JsonUnwrapped
    private Conversation conversation = new Conversation();

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
        return chat().send(command);
    }

    @CommandHandler
    public void handle(EditDirectMessageCommand command, EditWindow editWindow) {
        chat().edit(command, editWindow);
    }

    @CommandHandler
    public void handle(DeleteDirectMessageCommand command) {
        chat().delete(command);
    }

    @CommandHandler
    public void handle(PinDirectMessageCommand command) {
        chat().pin(command);
    }

    @CommandHandler
    public void handle(UnpinDirectMessageCommand command) {
        chat().unpin(command);
    }

    @CommandHandler
    public void handle(AddDirectReactionCommand command) {
        chat().addReaction(command);
    }

    @CommandHandler
    public void handle(RemoveDirectReactionCommand command) {
        chat().removeReaction(command);
    }

    @CommandHandler
    public void handle(MarkDirectReadCommand command) {
        long upTo = Math.min(command.seq(), AggregateLifecycle.getVersion());
        if (upTo > readPositions.getOrDefault(command.userId(), -1L)) {
            apply(new DirectReadPositionAdvancedEvent(friendshipId, command.userId(), upTo));
        }
    }

    private DirectChat chat() {
        return new DirectChat(friendshipId, friends && blockers.isEmpty(), conversation);
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
    void on(DirectReadPositionAdvancedEvent event) {
        readPositions.put(event.userId(), event.seq());
    }

    private void clearRequest() {
        requester = null;
        addressee = null;
    }
}
