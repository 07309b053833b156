package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A group was created; its owner's seat follows as a {@link MemberJoinedEvent}. */
@Revision("1")
public record GroupCreatedEvent(
        UUID groupId,
        UUID ownerId,
        String name,
        String description,
        GroupVisibility visibility,
        JoinPolicy joinPolicy,
        int capacity) {}
