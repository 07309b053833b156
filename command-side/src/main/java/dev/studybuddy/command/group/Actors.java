package dev.studybuddy.command.group;

import dev.studybuddy.api.group.Actor;
import dev.studybuddy.platform.security.CurrentUser;

/** The signed-in user as a group sees them: platform moderators and admins may moderate any group. */
public final class Actors {

    private Actors() {
    }

    public static Actor current() {
        return new Actor(CurrentUser.id(), CurrentUser.isPlatformModerator());
    }
}
