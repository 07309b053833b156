package dev.studybuddy.api.group;

import dev.studybuddy.api.privacy.PersonalData;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A message was posted; its {@code seq} is this event's sequence number in the group's stream. */
@Revision("1")
public record GroupMessagePostedEvent(
        UUID groupId,
        UUID messageId,
        UUID authorId,
        @PersonalData(subject = "authorId") String body,
        UUID replyTo,
        List<UUID> mentions,
        List<UUID> attachments) {}
