package dev.studybuddy.query.projection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How query-side nodes split the segments of their pooled processors ({@link SegmentBalancer}).
 *
 * @param enabled     whether this node announces itself and gives away segments above its fair share
 * @param interval    how often the node announces itself and compares what it holds with its fair share
 * @param nodeTimeout how long a node counts as live after its last announcement (a crashed node is
 *                    counted that long, and its fellows keep room for it meanwhile)
 * @param releaseFor  how long a released segment is left to the other nodes before this node may claim
 *                    it again; longer than a processor's token claim interval
 *                    ({@code studybuddy.processors.claims.interval}, 2 s)
 * @param cluster     the name shared by the nodes that split the same processors; empty: derived from
 *                    {@code spring.datasource.url}, where the nodes' token store lives, so that two
 *                    deployments (or two test runs) on one Redis never count each other
 */
@ConfigurationProperties("studybuddy.projections.balancing")
public record SegmentBalancingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2s") Duration interval,
        @DefaultValue("6s") Duration nodeTimeout,
        @DefaultValue("6s") Duration releaseFor,
        @DefaultValue("") String cluster) {}
