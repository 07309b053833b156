package dev.studybuddy.notification.support;

import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.membership.MembershipId;
import dev.studybuddy.api.membership.MembershipOpenedEvent;
import dev.studybuddy.api.membership.NotificationLevel;
import dev.studybuddy.api.membership.NotificationLevelChangedEvent;
import dev.studybuddy.notification.recipients.Recipients;
import dev.studybuddy.testing.scenarios.Decision;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Builds a group in the event store as command-side would (Group and Membership streams; the Group's events as
 * the shared {@link GroupDecisions} build them) and waits until the recipients projection knows its roster and levels. */
public final class Groups {

    public static final String MEMBERSHIP = "Membership";

    private Groups() {}

    /** A group owned by {@code owner} with the given members at the given levels (the owner at ALL). */
    public static UUID create(
            DomainEvents events, Recipients recipients, UUID owner, Map<UUID, NotificationLevel> members) {
        UUID group = UUID.randomUUID();
        String g = group.toString();
        write(
                events,
                group,
                GroupDecisions.create(
                        group, owner, "Group " + g.substring(0, 8), "", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 50));
        open(events, group, owner);
        for (Map.Entry<UUID, NotificationLevel> member : members.entrySet()) {
            write(events, group, GroupDecisions.join(group, member.getKey()));
            open(events, group, member.getKey());
            if (member.getValue() != NotificationLevel.ALL) {
                events.publish(
                        MEMBERSHIP,
                        MembershipId.of(group, member.getKey()),
                        new NotificationLevelChangedEvent(
                                MembershipId.of(group, member.getKey()), group, member.getKey(), member.getValue()));
            }
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> recipients.levelOf(group, owner).isPresent()
                        && members.entrySet().stream()
                                .allMatch(member -> recipients
                                        .levelOf(group, member.getKey())
                                        .equals(Optional.of(member.getValue()))));
        return group;
    }

    /** The events of the Group aggregate's decisions, into the group's stream. */
    public static void write(DomainEvents events, UUID group, Decision... decisions) {
        for (Decision decision : decisions) {
            decision.events().forEach(event -> events.publish(DomainEvents.GROUP, group.toString(), event));
        }
    }

    private static void open(DomainEvents events, UUID group, UUID user) {
        events.publish(
                MEMBERSHIP,
                MembershipId.of(group, user),
                new MembershipOpenedEvent(MembershipId.of(group, user), group, user));
    }

    public static List<Object> channelsOf(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> row.get("channel")).toList();
    }
}
