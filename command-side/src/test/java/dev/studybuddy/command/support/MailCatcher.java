package dev.studybuddy.command.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server in the test JVM (GreenMail) on the port every command-side IT's context sends account mail to;
 * a test class that reads mail registers it with {@code @RegisterExtension}.
 */
public final class MailCatcher {

    /** Fixed, since all command-side ITs share one context; not GreenMail's default 3025, which local tools may use. */
    public static final int SMTP_PORT = 39125;

    private static final Pattern CODE = Pattern.compile("enter this code: ([A-Za-z0-9_-]+)");

    private MailCatcher() {}

    public static GreenMailExtension extension() {
        return new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withPerMethodLifecycle(false);
    }

    public static List<MimeMessage> mailsTo(GreenMailExtension mail, String address, String subjectPart) {
        // GreenMail's lookup matches the end of an address: "moved-ann@x" would count as ann@x's
        return Arrays.stream(mail.getReceivedMessagesForDomain(address))
                .filter(message -> sentTo(message, address))
                .filter(message -> subjectOf(message).contains(subjectPart))
                .toList();
    }

    /** Waits for the {@code n}th mail (from 1) to {@code address} whose subject has {@code subjectPart}; its code. */
    public static String awaitCode(GreenMailExtension mail, String address, String subjectPart, int n) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> mailsTo(mail, address, subjectPart).size() >= n);
        return codeIn(mailsTo(mail, address, subjectPart).get(n - 1));
    }

    public static String codeIn(MimeMessage message) {
        try {
            Matcher matcher = CODE.matcher(message.getContent().toString());
            if (!matcher.find()) {
                throw new AssertionError("no code in the mail: " + message.getContent());
            }
            return matcher.group(1);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(recipient ->
                            ((InternetAddress) recipient).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
