package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The group was archived. */
@Revision("1")
public record GroupArchivedEvent(UUID groupId, UUID archivedBy, boolean moderation) {}
