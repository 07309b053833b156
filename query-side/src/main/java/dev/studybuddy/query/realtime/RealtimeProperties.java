package dev.studybuddy.query.realtime;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The WebSocket endpoint's limits (what one slow or noisy client may cost a node) and how presence is kept.
 *
 * @param allowedOrigins       origins allowed to open {@code /ws} (authentication is the STOMP CONNECT's
 *                             token, never a cookie, so a foreign origin gains nothing)
 * @param sendTimeLimit        how long sending to one session may take before it is closed
 * @param sendBufferSizeLimit  how much may queue for one session before it is closed
 * @param messageSizeLimit     the largest frame a client may send
 * @param typingInterval       at most one typing signal per session in this interval; more are dropped
 * @param presenceRefreshInterval how often the node writes again every presence entry it holds
 *                             (notification-saga's README, "Presence": 20 s)
 * @param presenceTtl          the expiry set on each presence key at every write, so that a crashed
 *                             node's entries vanish (60 s)
 * @param tokenCheckInterval   how often every open session's token is checked (expiry, security stamp), so
 *                             that a silent session too ends soon after its token does
 * @param maxSubscriptions     the most subscriptions one session holds at once (a group topic each, and the user's
 *                             queues); a SUBSCRIBE beyond is refused with an ERROR frame
 * @param maxSessionsPerUser   the most STOMP sessions one user holds open on a node at once (tabs and devices); a
 *                             CONNECT beyond is refused with an ERROR frame
 * @param membershipCheckInterval how often the node checks its group subscriptions against the groups read model,
 *                             ending those of users no longer members whose leaving frame it never got
 */
@ConfigurationProperties("studybuddy.websocket")
public record RealtimeProperties(
        @DefaultValue("*") List<String> allowedOrigins,
        @DefaultValue("10s") Duration sendTimeLimit,
        @DefaultValue("512KB") DataSize sendBufferSizeLimit,
        @DefaultValue("16KB") DataSize messageSizeLimit,
        @DefaultValue("2s") Duration typingInterval,
        @DefaultValue("20s") Duration presenceRefreshInterval,
        @DefaultValue("60s") Duration presenceTtl,
        @DefaultValue("250ms") Duration tokenCheckInterval,
        @DefaultValue("1000") int maxSubscriptions,
        @DefaultValue("30") int maxSessionsPerUser,
        @DefaultValue("2s") Duration membershipCheckInterval) {}
