package dev.studybuddy.notification.delivery;

import dev.studybuddy.notification.recipients.Recipients;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail delivery over SMTP ({@code spring.mail.*}). The address is looked up when sending, from the
 * contacts table, verified ones only; a recipient without one fails the attempt (and ends DEAD), visible to auditors.
 * Each mail carries the notification id in {@code X-StudyBuddy-Notification}.
 */
@Component
class EmailDelivery {

    static final String NOTIFICATION_HEADER = "X-StudyBuddy-Notification";

    private final JavaMailSender mail;
    private final Recipients recipients;
    private final DeliveryProperties properties;

    EmailDelivery(JavaMailSender mail, Recipients recipients, DeliveryProperties properties) {
        this.mail = mail;
        this.recipients = recipients;
        this.properties = properties;
    }

    void deliver(PendingDelivery notification) throws MessagingException {
        String address = recipients
                .emailOf(notification.recipient())
                .orElseThrow(() -> new MessagingException("No e-mail address on file for " + notification.recipient()));
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom(properties.mailFrom());
        helper.setTo(address);
        helper.setSubject(subject(notification));
        helper.setText(subject(notification) + ".\n\nOpen StudyBuddy to see it.\n");
        message.setHeader(NOTIFICATION_HEADER, notification.id().toString());
        mail.send(message);
    }

    private String subject(PendingDelivery notification) {
        Map<String, Object> payload = notification.payload();
        String group = text(payload, "groupName").orElse("a group");
        return switch (notification.type()) {
            case "friend-request.received" -> name(payload, "requesterId") + " sent you a friend request";
            case "friend-request.reminder" ->
                name(payload, "requesterId") + " is still waiting for your answer to their friend request";
            case "friend-request.accepted" -> name(payload, "addresseeId") + " accepted your friend request";
            case "group.join-request.received" -> name(payload, "requesterId") + " asks to join " + group;
            case "group.join-request.approved" -> "Your request to join " + group + " was approved";
            case "group.join-request.rejected" -> "Your request to join " + group + " was declined";
            case "group.invitation.received" -> name(payload, "invitedBy") + " invited you to " + group;
            case "group.member.removed" -> "You were removed from " + group;
            case "group.member.banned" -> "You were banned from " + group;
            case "group.member.role-changed" ->
                "Your role in " + group + " is now " + text(payload, "role").orElse("changed");
            case "group.ownership.received" -> "You are now the owner of " + group;
            case "group.invitation.expired" -> "Your invitation to " + group + " has expired";
            case "group.invitation.lapsed" ->
                name(payload, "inviteeId") + " did not answer your invitation to " + group;
            case "group.message.mention" -> name(payload, "authorId") + " mentioned you in " + group;
            case "direct-message.received" -> name(payload, "senderId") + " sent you a message";
            case "study-session.reminder" ->
                text(payload, "title").orElse("A study session") + " in " + group + " starts at "
                        + text(payload, "startsAt").orElse("soon");
            case "study-session.rescheduled" ->
                text(payload, "title").orElse("A study session") + " in " + group + " was moved to "
                        + text(payload, "startsAt").orElse("another time");
            case "study-session.cancelled" ->
                text(payload, "title").orElse("A study session") + " in " + group + " was cancelled";
            default -> "You have a new StudyBuddy notification";
        };
    }

    private String name(Map<String, Object> payload, String idKey) {
        return text(payload, idKey)
                .flatMap(id -> recipients.displayName(UUID.fromString(id)))
                .orElse("Someone");
    }

    private static Optional<String> text(Map<String, Object> payload, String key) {
        Object value = payload.get(key);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }
}
