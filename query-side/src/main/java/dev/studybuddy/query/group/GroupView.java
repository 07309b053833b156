package dev.studybuddy.query.group;

import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import java.time.Instant;
import java.util.UUID;

/** A group as its lists and its detail page show it, with the viewer's role in it (null: not a member). */
public record GroupView(
        UUID groupId,
        String name,
        String description,
        GroupVisibility visibility,
        JoinPolicy joinPolicy,
        int capacity,
        int memberCount,
        boolean archived,
        UUID ownerId,
        Instant createdAt,
        Instant updatedAt,
        GroupRole myRole) {}
