package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The group was brought back by its owner. */
@Revision("1")
public record GroupUnarchivedEvent(UUID groupId, UUID unarchivedBy) {}
