package dev.studybuddy.notification.studysession;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param remindBefore how long before a study session starts its group's members are reminded */
@ConfigurationProperties("studybuddy.notifications.study-session")
public record StudySessionProperties(Duration remindBefore) {

    public StudySessionProperties {
        if (remindBefore == null || remindBefore.isNegative()) {
            throw new IllegalArgumentException(
                    "studybuddy.notifications.study-session.remind-before must not be negative");
        }
    }
}
