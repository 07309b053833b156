package dev.studybuddy.command.membership;

import dev.studybuddy.api.membership.ChangeNotificationLevelCommand;
import dev.studybuddy.api.membership.MarkReadCommand;
import dev.studybuddy.api.membership.MembershipId;
import dev.studybuddy.api.membership.NotificationLevel;
import dev.studybuddy.platform.consistency.Commands;
import dev.studybuddy.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own seat in a group: read position and notification level. */
@RestController
class MembershipController {

    private final Commands commands;

    MembershipController(Commands commands) {
        this.commands = commands;
    }

    @PostMapping("/api/groups/{groupId}/read")
    ResponseEntity<Void> markRead(@PathVariable UUID groupId, @Valid @RequestBody ReadRequest request) {
        UUID me = CurrentUser.id();
        commands.sendAndWait(new MarkReadCommand(groupId, me, request.seq(), commands.latestSequence(groupId)));
        return commands.noContent(MembershipId.of(groupId, me));
    }

    @PutMapping("/api/groups/{groupId}/notification-level")
    ResponseEntity<Void> changeLevel(@PathVariable UUID groupId, @Valid @RequestBody LevelRequest request) {
        UUID me = CurrentUser.id();
        commands.sendAndWait(new ChangeNotificationLevelCommand(groupId, me, request.level()));
        return commands.noContent(MembershipId.of(groupId, me));
    }

    record ReadRequest(@NotNull @PositiveOrZero Long seq) {}

    record LevelRequest(@NotNull NotificationLevel level) {}
}
