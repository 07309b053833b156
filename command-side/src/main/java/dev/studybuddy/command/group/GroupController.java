package dev.studybuddy.command.group;

import dev.studybuddy.api.group.AcceptInvitationCommand;
import dev.studybuddy.api.group.ArchiveGroupCommand;
import dev.studybuddy.api.group.ChangeGroupDetailsCommand;
import dev.studybuddy.api.group.CreateGroupCommand;
import dev.studybuddy.api.group.DeclineInvitationCommand;
import dev.studybuddy.api.group.GroupRules;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinGroupCommand;
import dev.studybuddy.api.group.JoinOutcome;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.group.LeaveGroupCommand;
import dev.studybuddy.api.group.TransferOwnershipCommand;
import dev.studybuddy.api.group.UnarchiveGroupCommand;
import dev.studybuddy.command.security.Actors;
import dev.studybuddy.platform.consistency.Commands;
import dev.studybuddy.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A group's life and a user's own way in and out of it (API.md, Groups). */
@RestController
@RequestMapping("/api/groups")
class GroupController {

    private final Commands commands;

    GroupController(Commands commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Created> create(@Valid @RequestBody CreateGroupRequest request) {
        UUID groupId = UUID.randomUUID();
        commands.sendAndWait(new CreateGroupCommand(
                groupId,
                CurrentUser.id(),
                request.name(),
                request.description(),
                request.visibility(),
                request.joinPolicy(),
                request.capacity()));
        return commands.respond(HttpStatus.CREATED, groupId, new Created(groupId));
    }

    @PatchMapping("/{groupId}")
    ResponseEntity<Void> changeDetails(@PathVariable UUID groupId, @Valid @RequestBody ChangeGroupRequest request) {
        commands.sendAndWait(new ChangeGroupDetailsCommand(
                groupId,
                Actors.current(),
                request.name(),
                request.description(),
                request.visibility(),
                request.joinPolicy(),
                request.capacity()));
        return commands.noContent(groupId);
    }

    @PostMapping("/{groupId}/archive")
    ResponseEntity<Void> archive(@PathVariable UUID groupId) {
        return commands.send(new ArchiveGroupCommand(groupId, Actors.current()), groupId);
    }

    @PostMapping("/{groupId}/unarchive")
    ResponseEntity<Void> unarchive(@PathVariable UUID groupId) {
        return commands.send(new UnarchiveGroupCommand(groupId, Actors.current()), groupId);
    }

    @PostMapping("/{groupId}/ownership")
    ResponseEntity<Void> transferOwnership(@PathVariable UUID groupId, @Valid @RequestBody UserRef request) {
        return commands.send(new TransferOwnershipCommand(groupId, Actors.current(), request.userId()), groupId);
    }

    /** 200 with {@code JOINED}, or 202 with {@code REQUESTED} when the group admits by approval. */
    @PostMapping("/{groupId}/join")
    ResponseEntity<JoinAnswer> join(@PathVariable UUID groupId) {
        JoinOutcome outcome = commands.sendAndWait(new JoinGroupCommand(groupId, CurrentUser.id()));
        HttpStatus status = outcome == JoinOutcome.JOINED ? HttpStatus.OK : HttpStatus.ACCEPTED;
        return commands.respond(status, groupId, new JoinAnswer(groupId, outcome));
    }

    @PostMapping("/{groupId}/leave")
    ResponseEntity<Void> leave(@PathVariable UUID groupId) {
        return commands.send(new LeaveGroupCommand(groupId, CurrentUser.id()), groupId);
    }

    @PostMapping("/{groupId}/invitations/accept")
    ResponseEntity<Void> acceptInvitation(@PathVariable UUID groupId) {
        return commands.send(new AcceptInvitationCommand(groupId, CurrentUser.id()), groupId);
    }

    @PostMapping("/{groupId}/invitations/decline")
    ResponseEntity<Void> declineInvitation(@PathVariable UUID groupId) {
        return commands.send(new DeclineInvitationCommand(groupId, CurrentUser.id()), groupId);
    }

    record CreateGroupRequest(
            @NotBlank @Size(min = GroupRules.MIN_NAME, max = GroupRules.MAX_NAME)
            String name,

            @Size(max = GroupRules.MAX_DESCRIPTION) String description,
            GroupVisibility visibility,
            JoinPolicy joinPolicy,

            @Min(GroupRules.MIN_CAPACITY) @Max(GroupRules.MAX_CAPACITY)
            Integer capacity) {}

    record ChangeGroupRequest(
            @Size(min = GroupRules.MIN_NAME, max = GroupRules.MAX_NAME)
            String name,

            @Size(max = GroupRules.MAX_DESCRIPTION) String description,
            GroupVisibility visibility,
            JoinPolicy joinPolicy,

            @Min(GroupRules.MIN_CAPACITY) @Max(GroupRules.MAX_CAPACITY)
            Integer capacity) {}

    record UserRef(@NotNull UUID userId) {}

    record Created(UUID groupId) {}

    record JoinAnswer(UUID groupId, JoinOutcome outcome) {}
}
