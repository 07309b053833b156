package dev.studybuddy.api.friendship;

import dev.studybuddy.api.privacy.PersonalData;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A direct message's body was changed by its author. */
@Revision("1")
public record DirectMessageEditedEvent(
        String friendshipId,
        UUID messageId,
        @PersonalData(subject = PersonalData.ACTOR) String body) {}
