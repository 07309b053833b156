package dev.studybuddy.query.chat;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.query.realtime.Conversations;
import dev.studybuddy.query.user.UserProfiles;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which direct conversation a caller reads when naming {@code userId}: always their own with that user. There is
 * none with oneself nor with an account that never existed (404, as for any unknown object); an erased account's
 * row stays in the users read model, so the conversation with it can still be read.
 */
@Component
class DirectHistoryAccess {

    private final UserProfiles users;

    DirectHistoryAccess(UserProfiles users) {
        this.users = users;
    }

    String conversationWith(UUID callerId, UUID userId) {
        if (callerId.equals(userId)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No conversation with yourself.");
        }
        if (!users.exists(userId)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such user.");
        }
        return Conversations.direct(callerId, userId);
    }
}
