package dev.studybuddy.command.group;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long an invitation stays open unanswered. */
@ConfigurationProperties("studybuddy.groups")
public record GroupSettings(@DefaultValue("7d") Duration invitationLifetime) {}
