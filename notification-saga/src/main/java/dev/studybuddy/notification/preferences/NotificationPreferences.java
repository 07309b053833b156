package dev.studybuddy.notification.preferences;

import java.util.Map;

/**
 * A user's notification preferences: for each notification type, whether it is also sent by e-mail (it is
 * always shown in-app). As a request, only the types named change.
 */
public record NotificationPreferences(Map<String, Boolean> email) {}
