package dev.studybuddy.query.group;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param stalledRosterRecheck how often a node reads which groups' rosters are stalled ({@link StalledRosters}):
 *                             the longest a freshly parked roster is still trusted on top of the processor's lag
 */
@ConfigurationProperties("studybuddy.groups")
record RosterProperties(@DefaultValue("1s") Duration stalledRosterRecheck) {}
