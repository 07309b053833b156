package dev.studybuddy.command.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mails identity sends itself ({@link AccountMail}): e-mail verification and password reset.
 *
 * @param from                 the sender
 * @param publicUrl            where users reach StudyBuddy (the edge); links are {@code <publicUrl>/verify-email?token=…}
 *                             and {@code <publicUrl>/reset-password?token=…}
 * @param verificationLifetime how long a verification link works
 * @param resetLifetime        how long a password reset link works
 * @param queueCapacity        mails waiting for the SMTP server; beyond them a mail is dropped (and logged)
 */
@ConfigurationProperties("studybuddy.identity.account-mail")
record AccountMailProperties(
        @DefaultValue("StudyBuddy <no-reply@studybuddy.local>")
        String from,

        @DefaultValue("http://127.0.0.1:8080") String publicUrl,
        @DefaultValue("24h") Duration verificationLifetime,
        @DefaultValue("30m") Duration resetLifetime,
        @DefaultValue("1000") int queueCapacity) {}
