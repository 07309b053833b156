package dev.studybuddy.command.chat;

import dev.studybuddy.api.group.AddGroupReactionCommand;
import dev.studybuddy.api.group.DeleteGroupMessageCommand;
import dev.studybuddy.api.group.EditGroupMessageCommand;
import dev.studybuddy.api.group.PinGroupMessageCommand;
import dev.studybuddy.api.group.PostGroupMessageCommand;
import dev.studybuddy.api.group.RemoveGroupReactionCommand;
import dev.studybuddy.api.group.UnpinGroupMessageCommand;
import dev.studybuddy.command.file.FileCatalog;
import dev.studybuddy.command.security.Actors;
import dev.studybuddy.platform.consistency.Commands;
import dev.studybuddy.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.UUID;
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

/** Posting, editing, deleting, pinning and reacting to group messages; the Group aggregate decides who may. */
@RestController
@RequestMapping("/api/groups/{groupId}/messages")
class GroupMessageController {

    private final Commands commands;
    private final Mentions mentions;
    private final FileCatalog files;

    GroupMessageController(Commands commands, Mentions mentions, FileCatalog files) {
        this.commands = commands;
        this.mentions = mentions;
        this.files = files;
    }

    @PostMapping
    ResponseEntity<MessageRequests.Posted> post(
            @PathVariable UUID groupId, @Valid @RequestBody MessageRequests.Post request) {
        UUID messageId = UUID.randomUUID();
        files.requireOwnFiles(CurrentUser.id(), request.attachments());
        long seq = commands.sendAndWait(new PostGroupMessageCommand(
                groupId,
                messageId,
                CurrentUser.id(),
                request.body(),
                request.replyTo(),
                mentions.in(request.body()),
                request.attachments()));
        return commands.respondAt(HttpStatus.CREATED, groupId, seq, new MessageRequests.Posted(messageId, seq));
    }

    @PatchMapping("/{messageId}")
    ResponseEntity<Void> edit(
            @PathVariable UUID groupId,
            @PathVariable UUID messageId,
            @Valid @RequestBody MessageRequests.Edit request) {
        return commands.send(
                new EditGroupMessageCommand(groupId, messageId, CurrentUser.id(), request.body()), groupId);
    }

    @DeleteMapping("/{messageId}")
    ResponseEntity<Void> delete(@PathVariable UUID groupId, @PathVariable UUID messageId) {
        return commands.send(new DeleteGroupMessageCommand(groupId, messageId, Actors.current()), groupId);
    }

    @PostMapping("/{messageId}/pin")
    @Operation(
            summary = "Pin a message (the group's OWNER and ADMINs)",
            description =
                    "204, also when it is pinned already. 403 FORBIDDEN for anyone else, 404 NOT_FOUND for a message "
                            + "the group does not have or deleted, 422 RULE_VIOLATED for one older than its latest 1,000, "
                            + "409 PIN_LIMIT_REACHED while 50 are pinned, 409 GROUP_ARCHIVED.")
    ResponseEntity<Void> pin(@PathVariable UUID groupId, @PathVariable UUID messageId) {
        return commands.send(new PinGroupMessageCommand(groupId, messageId, Actors.current()), groupId);
    }

    @DeleteMapping("/{messageId}/pin")
    @Operation(
            summary = "Unpin a message (the group's OWNER and ADMINs)",
            description = "204, also when it is not pinned. 403 FORBIDDEN for anyone else, 409 GROUP_ARCHIVED.")
    ResponseEntity<Void> unpin(@PathVariable UUID groupId, @PathVariable UUID messageId) {
        return commands.send(new UnpinGroupMessageCommand(groupId, messageId, Actors.current()), groupId);
    }

    @PutMapping("/{messageId}/reactions/{emoji}")
    @Operation(
            summary = "React to a message (members)",
            description = "emoji: one Unicode emoji, URL-encoded, or a :short_name: of the fixed list (else 400 "
                    + "VALIDATION_FAILED). 204, also when given already. 403 NOT_A_MEMBER, 404 NOT_FOUND for a message the "
                    + "group does not have or deleted, 422 RULE_VIOLATED for one older than its latest 1,000, 409 "
                    + "REACTION_LIMIT_REACHED for a 21st different emoji on the message, 409 GROUP_ARCHIVED.")
    ResponseEntity<Void> react(@PathVariable UUID groupId, @PathVariable UUID messageId, @PathVariable String emoji) {
        return commands.send(new AddGroupReactionCommand(groupId, messageId, CurrentUser.id(), emoji), groupId);
    }

    @DeleteMapping("/{messageId}/reactions/{emoji}")
    @Operation(summary = "Take one's reaction back (members)", description = "204, also when it was not given.")
    ResponseEntity<Void> unreact(@PathVariable UUID groupId, @PathVariable UUID messageId, @PathVariable String emoji) {
        return commands.send(new RemoveGroupReactionCommand(groupId, messageId, CurrentUser.id(), emoji), groupId);
    }
}
