package dev.studybuddy.command.friendship;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.friendship.AcceptFriendRequestCommand;
import dev.studybuddy.api.friendship.BlockUserCommand;
import dev.studybuddy.api.friendship.CancelFriendRequestCommand;
import dev.studybuddy.api.friendship.DeclineFriendRequestCommand;
import dev.studybuddy.api.friendship.FriendRequestOutcome;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.friendship.RemoveFriendCommand;
import dev.studybuddy.api.friendship.SendFriendRequestCommand;
import dev.studybuddy.api.friendship.UnblockUserCommand;
import dev.studybuddy.platform.consistency.Commands;
import dev.studybuddy.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Friend requests, friendships and blocks, always keyed by the other user's id (API.md). */
@RestController
class FriendshipController {

    private final Commands commands;

    FriendshipController(Commands commands) {
        this.commands = commands;
    }

    /** 201 while the request is pending; 200 when it crossed theirs and made you friends. */
    @PostMapping("/api/friends/requests")
    ResponseEntity<RequestAnswer> sendRequest(@Valid @RequestBody FriendRequest request) {
        UUID me = CurrentUser.id();
        FriendRequestOutcome outcome = commands.sendAndWait(new SendFriendRequestCommand(me, request.userId()));
        HttpStatus status = outcome == FriendRequestOutcome.ACCEPTED ? HttpStatus.OK : HttpStatus.CREATED;
        return commands.respond(
                status, FriendshipId.of(me, request.userId()), new RequestAnswer(request.userId(), outcome));
    }

    @PostMapping("/api/friends/requests/{userId}/accept")
    ResponseEntity<Void> accept(@PathVariable UUID userId) {
        return send(new AcceptFriendRequestCommand(CurrentUser.id(), userId), userId);
    }

    @PostMapping("/api/friends/requests/{userId}/decline")
    ResponseEntity<Void> decline(@PathVariable UUID userId) {
        return send(new DeclineFriendRequestCommand(CurrentUser.id(), userId), userId);
    }

    @DeleteMapping("/api/friends/requests/{userId}")
    ResponseEntity<Void> cancel(@PathVariable UUID userId) {
        return send(new CancelFriendRequestCommand(CurrentUser.id(), userId), userId);
    }

    @DeleteMapping("/api/friends/{userId}")
    ResponseEntity<Void> remove(@PathVariable UUID userId) {
        return send(
                new RemoveFriendCommand(CurrentUser.id(), userId),
                userId,
                new DomainException(ErrorCode.NOT_FOUND, "You are not friends."));
    }

    @PutMapping("/api/blocks/{userId}")
    ResponseEntity<Void> block(@PathVariable UUID userId) {
        return send(new BlockUserCommand(CurrentUser.id(), userId), userId);
    }

    /** Idempotent: lifting a block that is not there changes nothing. */
    @DeleteMapping("/api/blocks/{userId}")
    ResponseEntity<Void> unblock(@PathVariable UUID userId) {
        try {
            return send(new UnblockUserCommand(CurrentUser.id(), userId), userId);
        } catch (AggregateNotFoundException neverRelated) {
            return ResponseEntity.noContent().build();
        }
    }

    private ResponseEntity<Void> send(Object command, UUID otherUser) {
        return commands.send(command, FriendshipId.of(CurrentUser.id(), otherUser));
    }

    /** Two users who never had anything to do with each other have no Friendship yet: say so in this endpoint's words. */
    private ResponseEntity<Void> send(Object command, UUID otherUser, DomainException whenNeverRelated) {
        try {
            return send(command, otherUser);
        } catch (AggregateNotFoundException neverRelated) {
            throw whenNeverRelated;
        }
    }

    record FriendRequest(@NotNull UUID userId) {}

    record RequestAnswer(UUID userId, FriendRequestOutcome status) {}
}
