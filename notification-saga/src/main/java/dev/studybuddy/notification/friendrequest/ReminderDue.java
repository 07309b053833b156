package dev.studybuddy.notification.friendrequest;

/** The payload of a friend request's reminder deadline (a deadline handler takes its payload first). */
public record ReminderDue(String friendshipId) {}
