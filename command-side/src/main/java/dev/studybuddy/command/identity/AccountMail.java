package dev.studybuddy.command.identity;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends identity's own mails (verification, password reset) straight over SMTP ({@code spring.mail.*}), not through
 * notification-saga: they carry a secret that must not rest anywhere but in the mail, and they go to addresses
 * notification-saga must not mail yet (docs/adr/0015). A mail leaves only after the transaction that stored its
 * token has committed, on a small background pool, so no request waits for the SMTP server and none reveals by its
 * timing whether a mail was sent. A mail that fails is logged and not retried: the user asks again.
 */
@Component
class AccountMail implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

    private final JavaMailSender sender;
    private final AccountMailProperties properties;
    private final ThreadPoolExecutor pool;

    AccountMail(JavaMailSender sender, AccountMailProperties properties) {
        this.sender = sender;
        this.properties = properties;
        this.pool = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()),
                runnable -> {
                    Thread thread = new Thread(runnable, "account-mail");
                    thread.setDaemon(true);
                    return thread;
                },
                (dropped, executor) ->
                        log.warn("Account mail queue full ({}): a mail was dropped", properties.queueCapacity()));
    }

    /** Sends once the current transaction commits (at once without one); never if it rolls back. */
    void sendAfterCommit(String to, String subject, String text) {
        Runnable send = () -> pool.execute(() -> send(to, subject, text));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    /** A link to the web client's page for {@code path} with the token. */
    String link(String path, String token) {
        String base = properties.publicUrl().endsWith("/")
                ? properties.publicUrl().substring(0, properties.publicUrl().length() - 1)
                : properties.publicUrl();
        return base + path + "?token=" + token;
    }

    private void send(String to, String subject, String text) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text);
            sender.send(message);
        } catch (MessagingException | MailException e) {
            // The address is personal data, and SMTP refusals quote it: the log names only what failed.
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            log.warn(
                    "Could not send an account mail ('{}'): {} ({})",
                    subject,
                    e.getClass().getSimpleName(),
                    cause.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}
