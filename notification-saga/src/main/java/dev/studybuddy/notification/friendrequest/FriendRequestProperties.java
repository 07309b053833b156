package dev.studybuddy.notification.friendrequest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param reminderAfter how long a request may stay unanswered before its addressee is reminded once */
@ConfigurationProperties("studybuddy.notifications.friend-request")
public record FriendRequestProperties(Duration reminderAfter) {

    public FriendRequestProperties {
        if (reminderAfter == null || reminderAfter.isNegative() || reminderAfter.isZero()) {
            throw new IllegalArgumentException(
                    "studybuddy.notifications.friend-request.reminder-after must be positive");
        }
    }
}
