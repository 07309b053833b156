package dev.studybuddy.command.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Chat writes one user may make ({@code studybuddy.chat.rate-limit.*}): posts, edits, deletions, pins and
 * reactions in all their conversations together, {@code writes} at once, refilled evenly over {@code per}.
 * The default lets a person type and click as fast as people do and stops a script flooding every member.
 */
@ConfigurationProperties("studybuddy.chat.rate-limit")
public record ChatWriteLimits(
        @DefaultValue("60") int writes, @DefaultValue("1m") Duration per) {}
