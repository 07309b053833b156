package dev.studybuddy.platform.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How processor segments are claimed, on every token store and pooled processor of a service. Together they
 * bound how long a crashed node's segments stay unserved: its claims expire after {@code timeout}, and the
 * survivors look for unclaimed segments every {@code interval} (about 8 s in all, where Axon's defaults of 10 s
 * and 5 s made it about 15 s).
 *
 * @param timeout     a claim not extended for this long is free for any node
 * @param interval    how often a pooled processor looks for segments to claim
 * @param extendAfter how long a busy or idle segment goes before its claim is extended (also while a batch runs:
 *                    the coordinator extends it then); well below {@code timeout}
 */
@ConfigurationProperties("studybuddy.processors.claims")
public record SegmentClaims(
        @DefaultValue("6s") Duration timeout,
        @DefaultValue("2s") Duration interval,
        @DefaultValue("2s") Duration extendAfter) {

    public SegmentClaims {
        if (extendAfter.compareTo(timeout.dividedBy(2)) > 0) {
            throw new IllegalArgumentException(
                    "studybuddy.processors.claims.extend-after must be at most half the timeout");
        }
    }
}
