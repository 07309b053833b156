package dev.studybuddy.api.group;

import dev.studybuddy.api.privacy.PersonalData;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A message's body was changed by its author. */
@Revision("1")
public record GroupMessageEditedEvent(
        UUID groupId,
        UUID messageId,
        @PersonalData(subject = PersonalData.ACTOR) String body) {}
