package dev.studybuddy.notification.log;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one notification says: one record per {@link NotificationType}, next to the saga or notifier that writes it
 * ({@code friendrequest.FriendRequestNotice}, {@code groupactivity.GroupActivityNotice}, {@code chat.ChatNotice},
 * {@code studysession.StudySessionNotice}). Its JSON is stored in the NotificationLog and is what the inbox, the
 * in-app frame and the e-mail read: the record's components in order, a missing name (an unknown group or user)
 * left out rather than null. {@code NotificationPayloadJsonTest} pins every shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public interface NotificationPayload {

    /** The type this payload is written as; not part of the stored JSON (the log's {@code type} column holds it). */
    NotificationType type();
}
