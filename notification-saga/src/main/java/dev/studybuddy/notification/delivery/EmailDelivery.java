package dev.studybuddy.notification.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybuddy.notification.recipients.Recipients;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
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
    private final ObjectMapper json;
    private final MailSubjects subjects;

    EmailDelivery(JavaMailSender mail, Recipients recipients, DeliveryProperties properties, ObjectMapper json) {
        this.mail = mail;
        this.recipients = recipients;
        this.properties = properties;
        this.json = json;
        this.subjects = new MailSubjects(recipients::displayName);
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

    /** A payload this node cannot read as its type's record still gets a mail, with the generic subject. */
    private String subject(PendingDelivery notification) {
        return StoredPayloads.read(json, notification.type(), notification.payload())
                .map(subjects::of)
                .orElse(MailSubjects.ANY);
    }
}
