package dev.studybuddy.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param replayPollInterval how often each node looks for replay requests (and refreshes whether a
 *                           projection is rebuilding)
 * @param replayTimeout      how long a node waits for the reset of a requested replay before it starts
 *                           its processor again anyway, and how long the resetting node keeps trying
 *                           while other nodes still hold segments
 * @param resetRetryInterval how often the resetting node tries again while other nodes still hold segments (they
 *                           release them within milliseconds of being nudged)
 * @param segmentClaimWait   how long the resetting node waits for its processor to claim every segment before it
 *                           lets the other nodes start theirs (it claims them in its first round, within milliseconds)
 */
@ConfigurationProperties("studybuddy.projections")
public record ProjectionProperties(
        @DefaultValue("500ms") Duration replayPollInterval,
        @DefaultValue("2m") Duration replayTimeout,
        @DefaultValue("50ms") Duration resetRetryInterval,
        @DefaultValue("5s") Duration segmentClaimWait) {}
