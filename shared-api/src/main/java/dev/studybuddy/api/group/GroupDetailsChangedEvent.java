package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The group's details now read as given (all fields are the new values). */
@Revision("1")
public record GroupDetailsChangedEvent(
        UUID groupId,
        String name,
        String description,
        GroupVisibility visibility,
        JoinPolicy joinPolicy,
        int capacity,
        UUID changedBy,
        boolean moderation) {}
