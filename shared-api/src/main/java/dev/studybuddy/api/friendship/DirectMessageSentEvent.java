package dev.studybuddy.api.friendship;

import dev.studybuddy.api.privacy.PersonalData;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A direct message was sent; its {@code seq} is this event's sequence number in the pair's stream. */
@Revision("1")
public record DirectMessageSentEvent(
        String friendshipId,
        UUID messageId,
        UUID senderId,
        UUID recipientId,
        @PersonalData(subject = "senderId") String body,
        UUID replyTo,
        List<UUID> attachments) {}
