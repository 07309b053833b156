package dev.studybuddy.command.user;

import dev.studybuddy.api.user.ChangeAvatarCommand;
import dev.studybuddy.command.file.FileCatalog;
import dev.studybuddy.platform.consistency.Commands;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's avatar becomes one of their live AVATAR uploads. The file's row stays locked until the change is stored,
 * so that the file is not deleted in between: a deletion waits, then takes the avatar away with it
 * ({@link FileCatalog#delete}), or comes first and the change is refused.
 */
@Component
class Avatars {

    private final FileCatalog files;
    private final Commands commands;

    Avatars(FileCatalog files, Commands commands) {
        this.files = files;
        this.commands = commands;
    }

    @Transactional
    void change(UUID userId, UUID fileId) {
        files.lockOwnAvatar(userId, fileId);
        commands.sendAndWait(new ChangeAvatarCommand(userId, fileId));
    }
}
