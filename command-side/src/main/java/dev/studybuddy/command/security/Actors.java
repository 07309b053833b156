package dev.studybuddy.command.security;

import dev.studybuddy.api.group.Actor;
import dev.studybuddy.platform.security.CurrentUser;

/**
 * The signed-in user as a group sees them: platform moderators and admins may moderate any group. Used by the
 * group controllers and by chat's GroupMessageController (deleting a message), so it lives below both.
 */
public final class Actors {

    private Actors() {}

    public static Actor current() {
        return new Actor(CurrentUser.id(), CurrentUser.isPlatformModerator());
    }
}
