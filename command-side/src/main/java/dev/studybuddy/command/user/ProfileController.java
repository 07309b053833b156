package dev.studybuddy.command.user;

import dev.studybuddy.api.user.ChangeAvatarCommand;
import dev.studybuddy.api.user.ChangeProfileCommand;
import dev.studybuddy.api.user.DisplayNames;
import dev.studybuddy.command.file.FileCatalog;
import dev.studybuddy.platform.consistency.Commands;
import dev.studybuddy.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own profile (reads are query-side's). */
@RestController
class ProfileController {

    private final Commands commands;
    private final FileCatalog files;

    ProfileController(Commands commands, FileCatalog files) {
        this.commands = commands;
        this.files = files;
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
        files.requireOwnAvatar(me, request.fileId());
        commands.sendAndWait(new ChangeAvatarCommand(me, request.fileId()));
        return commands.noContent(me);
    }

    record ChangeAvatarRequest(@NotNull UUID fileId) {}

    record ChangeProfileRequest(
            @Size(min = 1, max = DisplayNames.MAX_LENGTH) String displayName,
            @Size(max = ChangeProfileCommand.MAX_BIO_LENGTH) String bio) {}
}
