package dev.studybuddy.command.group;

import dev.studybuddy.api.group.ApproveJoinRequestCommand;
import dev.studybuddy.api.group.BanFromGroupCommand;
import dev.studybuddy.api.group.ChangeMemberRoleCommand;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.InviteToGroupCommand;
import dev.studybuddy.api.group.RejectJoinRequestCommand;
import dev.studybuddy.api.group.RemoveMemberCommand;
import dev.studybuddy.api.group.UnbanFromGroupCommand;
import dev.studybuddy.command.security.Actors;
import dev.studybuddy.platform.consistency.Commands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What owners, admins and moderators do to a group's roster; the Group aggregate decides who may. */
@RestController
@RequestMapping("/api/groups/{groupId}")
class GroupRosterController {

    private final Commands commands;

    GroupRosterController(Commands commands) {
        this.commands = commands;
    }

    @PostMapping("/invitations")
    ResponseEntity<Void> invite(@PathVariable UUID groupId, @Valid @RequestBody UserRef request) {
        return commands.send(new InviteToGroupCommand(groupId, Actors.current(), request.userId()), groupId);
    }

    @PostMapping("/join-requests/{userId}/approve")
    ResponseEntity<Void> approve(@PathVariable UUID groupId, @PathVariable UUID userId) {
        return commands.send(new ApproveJoinRequestCommand(groupId, Actors.current(), userId), groupId);
    }

    @PostMapping("/join-requests/{userId}/reject")
    ResponseEntity<Void> reject(@PathVariable UUID groupId, @PathVariable UUID userId) {
        return commands.send(new RejectJoinRequestCommand(groupId, Actors.current(), userId), groupId);
    }

    @PutMapping("/members/{userId}/role")
    ResponseEntity<Void> changeRole(
            @PathVariable UUID groupId, @PathVariable UUID userId, @Valid @RequestBody RoleRequest request) {
        return commands.send(new ChangeMemberRoleCommand(groupId, Actors.current(), userId, request.role()), groupId);
    }

    @DeleteMapping("/members/{userId}")
    ResponseEntity<Void> remove(@PathVariable UUID groupId, @PathVariable UUID userId) {
        return commands.send(new RemoveMemberCommand(groupId, Actors.current(), userId), groupId);
    }

    @PutMapping("/bans/{userId}")
    ResponseEntity<Void> ban(@PathVariable UUID groupId, @PathVariable UUID userId) {
        return commands.send(new BanFromGroupCommand(groupId, Actors.current(), userId), groupId);
    }

    @DeleteMapping("/bans/{userId}")
    ResponseEntity<Void> unban(@PathVariable UUID groupId, @PathVariable UUID userId) {
        return commands.send(new UnbanFromGroupCommand(groupId, Actors.current(), userId), groupId);
    }

    record UserRef(@NotNull UUID userId) {}

    record RoleRequest(@NotNull GroupRole role) {}
}
