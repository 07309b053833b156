package dev.studybuddy.notification.studysession;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.studybuddy.notification.log.NotificationPayload;
import dev.studybuddy.notification.log.NotificationType;
import java.time.Instant;
import java.util.UUID;

/**
 * The payloads of the study-session notifications: the session as it stands ({@code groupName} left out when this
 * service does not know it), and for a move or a cancellation who did it.
 */
public sealed interface StudySessionNotice extends NotificationPayload {

    record Reminder(
            UUID groupId,
            String groupName,
            UUID sessionId,
            @JsonInclude(JsonInclude.Include.ALWAYS) String title,
            Instant startsAt,
            int durationMinutes)
            implements StudySessionNotice {
        @Override
        public NotificationType type() {
            return NotificationType.STUDY_SESSION_REMINDER;
        }
    }

    record Rescheduled(
            UUID groupId,
            String groupName,
            UUID sessionId,
            @JsonInclude(JsonInclude.Include.ALWAYS) String title,
            Instant startsAt,
            int durationMinutes,
            Instant previousStartsAt,
            UUID changedBy)
            implements StudySessionNotice {
        @Override
        public NotificationType type() {
            return NotificationType.STUDY_SESSION_RESCHEDULED;
        }
    }

    record Cancelled(
            UUID groupId,
            String groupName,
            UUID sessionId,
            @JsonInclude(JsonInclude.Include.ALWAYS) String title,
            Instant startsAt,
            int durationMinutes,
            UUID cancelledBy)
            implements StudySessionNotice {
        @Override
        public NotificationType type() {
            return NotificationType.STUDY_SESSION_CANCELLED;
        }
    }
}
