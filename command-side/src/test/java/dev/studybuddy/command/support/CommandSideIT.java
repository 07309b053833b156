package dev.studybuddy.command.support;

import dev.studybuddy.testing.TestEnvironment;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Command-side over real HTTP against the local PostgreSQL and the MongoDB stand-in. Every IT uses
 * exactly this configuration, so the whole module shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "studybuddy.identity.bcrypt-strength=10",
            "studybuddy.identity.admin.username=" + Accounts.ADMIN_USERNAME,
            "studybuddy.identity.admin.email=root@studybuddy.test",
            "studybuddy.identity.admin.password=" + Accounts.ADMIN_PASSWORD,
            "studybuddy.rate-limits.per-username.attempts=5",
            "studybuddy.rate-limits.per-address.attempts=20",
            "studybuddy.rate-limits.login-failures.per-username.attempts=12",
            "studybuddy.chat.edit-window=2s",
            // the snapshot ITs post a hundred-odd messages as one user; WriteLimitsIT spends the rest
            "studybuddy.write-limits.chat.writes=" + CommandSideIT.CHAT_WRITES_PER_MINUTE,
            "studybuddy.write-limits.outreach.writes=" + CommandSideIT.OUTREACH_WRITES,
            "studybuddy.write-limits.outreach.per=1h",
            "studybuddy.groups.invitation-lifetime=4s",
            // GroupSnapshotIT makes a group snapshot in a hundred-odd requests (production snapshots every 500)
            "studybuddy.groups.snapshot-every=100",
            "studybuddy.deadlines.polling-interval=500ms",
            "studybuddy.files.local-directory=target/test-uploads",
            "studybuddy.files.limits.quota-per-user=" + CommandSideIT.QUOTA_MEGABYTES + "MB",
            // Its own exchange: a locally running notification-saga must not learn the test users' addresses.
            "studybuddy.identity.contacts.exchange=studybuddy.identity.it.${studybuddy.testing.checkout}",
            "studybuddy.identity.contacts.relay-interval=200ms",
            // Account mail goes to the SMTP server of the ITs that read it (MailCatcher); without one it is only
            // logged.
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + MailCatcher.SMTP_PORT
        })
@ContextConfiguration(initializers = TestEnvironment.class)
// Metrics exported as in production (Spring Boot's tests switch exporters off): MetricsIT scrapes /actuator/prometheus.
@AutoConfigureObservability(tracing = false)
@Import(ReplayProbes.class)
public @interface CommandSideIT {

    /** Small enough that a quota test needs only two uploads. */
    int QUOTA_MEGABYTES = 12;

    int CHAT_WRITES_PER_MINUTE = 150;

    /** Friend requests, invitations, joins, new groups and sessions one user may make in an hour. */
    int OUTREACH_WRITES = 100;
}
