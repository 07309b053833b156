package dev.studybuddy.query.support;

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
 * Query-side over real HTTP against the local PostgreSQL and the MongoDB stand-in, with tokens from
 * TestTokenIssuer, and the local Redis behind a proxy that a test can cut ({@link RedisLink}). Every IT uses
 * exactly this configuration, so the whole module shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "studybuddy.consistency.max-wait=" + QuerySideIT.MAX_WAIT_MILLIS + "ms",
            "studybuddy.files.local-directory=target/test-uploads",
            // short enough for PresenceIT to see a lost entry written again, long enough not to hide a wrong SREM
            "studybuddy.websocket.presence-refresh-interval=5s",
            // PresenceApiIT sees a user go away within seconds, not minutes
            "studybuddy.presence.away-after=" + QuerySideIT.AWAY_AFTER_MILLIS + "ms",
            "studybuddy.presence.refresh-interval=1s",
            // PresenceApiIT's crashed node holds more users than one sweep takes
            "studybuddy.presence.lapsed-per-refresh=2",
            // two-node tests see the segments split within seconds, and the first node take them all back soon after
            "studybuddy.projections.balancing.interval=1s",
            "studybuddy.projections.balancing.release-for=8s",
            // AccountExportIT's few rows fill several pages of every part, so that the export has to page through each
            "studybuddy.export.page-size=2"
        })
@ContextConfiguration(initializers = {TestEnvironment.class, RedisLink.class, OtherServicesStub.class})
// Metrics exported as in production (Spring Boot's tests switch exporters off): MetricsIT scrapes /actuator/prometheus.
@AutoConfigureObservability(tracing = false)
@Import({UserAccounts.class, Friendships.class, Groups.class, Chats.class, ReplayGate.class, StoredFiles.class})
public @interface QuerySideIT {

    /** Shorter than production's 5 s, so that the timeout path is quick to test. */
    long MAX_WAIT_MILLIS = 3000;

    /** Production's 5 minutes without activity, shortened so that a test waits seconds. */
    long AWAY_AFTER_MILLIS = 3000;
}
