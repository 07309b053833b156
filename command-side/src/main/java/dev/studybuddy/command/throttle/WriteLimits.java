package dev.studybuddy.command.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Writes one user may make ({@code studybuddy.write-limits.*}), in two budgets of their own:
 * <ul>
 *   <li>{@code chat}: posts, edits, deletions, pins and reactions in all their conversations together; a burst
 *   large enough for any page of history and a pace (one a second) people keep up only briefly, so that a script
 *   cannot flood every member's feed;</li>
 *   <li>{@code outreach}: what reaches other people or the whole platform, friend requests, group invitations,
 *   joins and join requests, new groups and study sessions (each may notify, even mail, others); enough to invite
 *   a class, not to write to everyone.</li>
 * </ul>
 */
@ConfigurationProperties("studybuddy.write-limits")
public record WriteLimits(
        @DefaultValue({"300", "5m"}) Budget chat,
        @DefaultValue({"100", "1h"}) Budget outreach) {

    /** {@code writes} at once, refilled evenly over {@code per}. */
    public record Budget(int writes, Duration per) {}
}
