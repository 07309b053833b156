package dev.studybuddy.command.user;

import dev.studybuddy.api.user.ChangeProfileCommand;
import dev.studybuddy.api.user.DisplayNames;
import dev.studybuddy.api.user.RemoveAvatarCommand;
import dev.studybuddy.platform.consistency.Commands;
import dev.studybuddy.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own profile (reads are query-side's). */
@RestController
class ProfileController {

    private final Commands commands;
    private final Avatars avatars;

    ProfileController(Commands commands, Avatars avatars) {
        this.commands = commands;
        this.avatars = avatars;
    }

    @PatchMapping("/api/users/me")
    ResponseEntity<Void> changeProfile(@Valid @RequestBody ChangeProfileRequest request) {
        UUID me = CurrentUser.id();
        commands.sendAndWait(new ChangeProfileCommand(me, request.displayName(), request.bio()));
        return commands.noContent(me);
    }

    @PutMapping("/api/users/me/avatar")
    ResponseEntity<Void> changeAvatar(@Valid @RequestBody ChangeAvatarRequest request) {
        UUID me = CurrentUser.id();
        avatars.change(me, request.fileId());
        return commands.noContent(me);
    }

    /** The user goes without a picture; the file stays theirs. Removing none is no change. */
    @DeleteMapping("/api/users/me/avatar")
    ResponseEntity<Void> removeAvatar() {
        UUID me = CurrentUser.id();
        commands.sendAndWait(RemoveAvatarCommand.whicheverItIs(me));
        return commands.noContent(me);
    }

    record ChangeAvatarRequest(@NotNull UUID fileId) {}

    record ChangeProfileRequest(
            @Size(min = 1, max = DisplayNames.MAX_LENGTH) String displayName,
            @Size(max = ChangeProfileCommand.MAX_BIO_LENGTH) String bio) {}
}
