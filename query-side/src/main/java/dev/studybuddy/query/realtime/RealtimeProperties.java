package dev.studybuddy.query.realtime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * The WebSocket endpoint's limits: what one slow or noisy client may cost a node.
 *
 * @param allowedOrigins       origins allowed to open {@code /ws} (authentication is the STOMP CONNECT's
 *                             token, never a cookie, so a foreign origin gains nothing)
 * @param sendTimeLimit        how long sending to one session may take before it is closed
 * @param sendBufferSizeLimit  how much may queue for one session before it is closed
 * @param messageSizeLimit     the largest frame a client may send
 * @param typingInterval       at most one typing signal per session in this interval; more are dropped
 */
@ConfigurationProperties("studybuddy.websocket")
public record RealtimeProperties(@DefaultValue("*") List<String> allowedOrigins,
                                 @DefaultValue("10s") Duration sendTimeLimit,
                                 @DefaultValue("512KB") DataSize sendBufferSizeLimit,
                                 @DefaultValue("16KB") DataSize messageSizeLimit,
                                 @DefaultValue("2s") Duration typingInterval) {
}
