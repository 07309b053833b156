package dev.studybuddy.notification.log;

/** How a notification reaches its recipient. */
public enum Channel {
    /** Pushed to the recipient's open sessions and kept in their inbox. */
    IN_APP,
    EMAIL
}
