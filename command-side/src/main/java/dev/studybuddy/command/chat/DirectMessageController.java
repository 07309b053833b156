package dev.studybuddy.command.chat;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.friendship.AddDirectReactionCommand;
import dev.studybuddy.api.friendship.DeleteDirectMessageCommand;
import dev.studybuddy.api.friendship.EditDirectMessageCommand;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.friendship.MarkDirectReadCommand;
import dev.studybuddy.api.friendship.PinDirectMessageCommand;
import dev.studybuddy.api.friendship.RemoveDirectReactionCommand;
import dev.studybuddy.api.friendship.SendDirectMessageCommand;
import dev.studybuddy.api.friendship.UnpinDirectMessageCommand;
import dev.studybuddy.command.file.FileCatalog;
import dev.studybuddy.platform.consistency.Commands;
import dev.studybuddy.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Direct messages between two friends, keyed by the other user's id; the Friendship aggregate decides. */
@RestController
@RequestMapping("/api/direct/{userId}")
class DirectMessageController {

    private final Commands commands;
    private final FileCatalog files;

    DirectMessageController(Commands commands, FileCatalog files) {
        this.commands = commands;
        this.files = files;
    }

    @PostMapping("/messages")
    ResponseEntity<MessageRequests.Posted> send(
            @PathVariable UUID userId, @Valid @RequestBody MessageRequests.Post request) {
        UUID me = CurrentUser.id();
        UUID messageId = UUID.randomUUID();
        files.requireOwnFiles(me, request.attachments());
        long seq = unlessStrangers(() -> commands.<Long>sendAndWait(new SendDirectMessageCommand(
                me, userId, messageId, request.body(), request.replyTo(), request.attachments())));
        return commands.respondAt(
                HttpStatus.CREATED, FriendshipId.of(me, userId), seq, new MessageRequests.Posted(messageId, seq));
    }

    @PatchMapping("/messages/{messageId}")
    ResponseEntity<Void> edit(
            @PathVariable UUID userId, @PathVariable UUID messageId, @Valid @RequestBody MessageRequests.Edit request) {
        UUID me = CurrentUser.id();
        return unlessStrangers(() -> commands.send(
                new EditDirectMessageCommand(me, userId, messageId, request.body()), FriendshipId.of(me, userId)));
    }

    @DeleteMapping("/messages/{messageId}")
    ResponseEntity<Void> delete(@PathVariable UUID userId, @PathVariable UUID messageId) {
        UUID me = CurrentUser.id();
        return unlessStrangers(() ->
                commands.send(new DeleteDirectMessageCommand(me, userId, messageId), FriendshipId.of(me, userId)));
    }

    @PostMapping("/messages/{messageId}/pin")
    @Operation(
            summary = "Pin a direct message (either friend)",
            description = "204, also when it is pinned already. 403 NOT_FRIENDS unless the two are friends and neither "
                    + "blocks the other, 404 NOT_FOUND for a message the pair does not have or deleted, 422 RULE_VIOLATED "
                    + "for one older than their latest 1,000, 409 PIN_LIMIT_REACHED while 50 are pinned.")
    ResponseEntity<Void> pin(@PathVariable UUID userId, @PathVariable UUID messageId) {
        UUID me = CurrentUser.id();
        return unlessStrangers(
                () -> commands.send(new PinDirectMessageCommand(me, userId, messageId), FriendshipId.of(me, userId)));
    }

    @DeleteMapping("/messages/{messageId}/pin")
    @Operation(
            summary = "Unpin a direct message (either friend)",
            description =
                    "204, also when it is not pinned. 403 NOT_FRIENDS unless the two are friends and neither blocks.")
    ResponseEntity<Void> unpin(@PathVariable UUID userId, @PathVariable UUID messageId) {
        UUID me = CurrentUser.id();
        return unlessStrangers(
                () -> commands.send(new UnpinDirectMessageCommand(me, userId, messageId), FriendshipId.of(me, userId)));
    }

    @PutMapping("/messages/{messageId}/reactions/{emoji}")
    @Operation(
            summary = "React to a direct message (either friend)",
            description = "emoji: one Unicode emoji, URL-encoded, or a :short_name: of the fixed list (else 400 "
                    + "VALIDATION_FAILED). 204, also when given already. 403 NOT_FRIENDS, 404 NOT_FOUND, 422 RULE_VIOLATED "
                    + "for a message older than the pair's latest 1,000, 409 REACTION_LIMIT_REACHED for a 21st emoji.")
    ResponseEntity<Void> react(@PathVariable UUID userId, @PathVariable UUID messageId, @PathVariable String emoji) {
        UUID me = CurrentUser.id();
        return unlessStrangers(() ->
                commands.send(new AddDirectReactionCommand(me, userId, messageId, emoji), FriendshipId.of(me, userId)));
    }

    @DeleteMapping("/messages/{messageId}/reactions/{emoji}")
    @Operation(
            summary = "Take one's reaction to a direct message back",
            description = "204, also when it was not given.")
    ResponseEntity<Void> unreact(@PathVariable UUID userId, @PathVariable UUID messageId, @PathVariable String emoji) {
        UUID me = CurrentUser.id();
        return unlessStrangers(() -> commands.send(
                new RemoveDirectReactionCommand(me, userId, messageId, emoji), FriendshipId.of(me, userId)));
    }

    @PostMapping("/read")
    ResponseEntity<Void> markRead(@PathVariable UUID userId, @Valid @RequestBody MessageRequests.Read request) {
        UUID me = CurrentUser.id();
        return unlessStrangers(
                () -> commands.send(new MarkDirectReadCommand(me, userId, request.seq()), FriendshipId.of(me, userId)));
    }

    /** Two users who never met have no Friendship: to them, there is no conversation. */
    private static <T> T unlessStrangers(Supplier<T> action) {
        try {
            return action.get();
        } catch (AggregateNotFoundException strangers) {
            throw new DomainException(ErrorCode.NOT_FRIENDS, "You can only write to your friends.");
        }
    }
}
