package dev.studybuddy.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a node keeps the users' security stamps current (README, Security).
 *
 * @param stampChannel   the Redis pub/sub channel on which command-side announces each changed stamp
 * @param stampCacheTtl  how long a node trusts a stamp it holds without hearing of it again: the longest
 *                       an announcement lost (the announcing node gone before it could publish) can go unnoticed,
 *                       and how long the announcing node tries again to publish one that failed (an erasure's:
 *                       as long as nodes keep personal data keys)
 * @param stampCacheSize the most users a node holds stamps for; beyond it the map starts over
 */
@ConfigurationProperties("studybuddy.security")
public record SecurityProperties(
        @DefaultValue("studybuddy:security:stamps") String stampChannel,
        @DefaultValue("60s") Duration stampCacheTtl,
        @DefaultValue("100000") int stampCacheSize) {}
