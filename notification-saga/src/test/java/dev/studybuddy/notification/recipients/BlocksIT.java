package dev.studybuddy.notification.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.friendship.UserBlockedEvent;
import dev.studybuddy.api.friendship.UserUnblockedEvent;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.InvitationSentEvent;
import dev.studybuddy.api.membership.NotificationLevel;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.Groups;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A user hears nothing of someone they block or who blocks them: no mention, invitation or join request of theirs is
 * a notification, while the others the same event concerns are told; an unblock lifts it.
 */
@NotificationSagaIT
class BlocksIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Recipients recipients;

    @Autowired
    DomainEvents events;

    @Autowired
    LogQueries log;

    @Test
    void mentionsAndInvitationsFromABlockedUserTellNobodyUntilTheBlockIsLifted() {
        UUID pest = UUID.randomUUID();
        UUID blocker = UUID.randomUUID();
        UUID blockedByPest = UUID.randomUUID();
        UUID friend = UUID.randomUUID();
        UUID group = Groups.create(
                events,
                recipients,
                pest,
                Map.of(
                        blocker,
                        NotificationLevel.ALL,
                        blockedByPest,
                        NotificationLevel.ALL,
                        friend,
                        NotificationLevel.ALL));
        block(blocker, pest);
        block(pest, blockedByPest);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> recipients.eitherBlocks(pest, blocker) && recipients.eitherBlocks(blockedByPest, pest));
        assertThat(recipients.eitherBlocks(friend, pest)).isFalse();

        mention(group, pest, List.of(blocker, blockedByPest, friend));
        UUID elsewhere = UUID.randomUUID();
        for (UUID invitee : List.of(blocker, blockedByPest, friend)) {
            events.publish(DomainEvents.GROUP, elsewhere.toString(), new InvitationSentEvent(elsewhere, invitee, pest));
        }
        UUID blockersGroup = Groups.create(events, recipients, blocker, Map.of(friend, NotificationLevel.ALL));
        Groups.write(
                events,
                blockersGroup,
                GroupDecisions.changeRole(blockersGroup, friend, GroupRole.MEMBER, GroupRole.ADMIN, blocker));
        Groups.write(events, blockersGroup, GroupDecisions.requestToJoin(blockersGroup, pest));

        List<String> toldTheFriend =
                List.of("group.message.mention", "group.invitation.received", "group.join-request.received");
        await().atMost(Duration.ofSeconds(60)).until(() -> typesOf(friend).containsAll(toldTheFriend));
        assertThat(typesOf(friend)).as("and their new role").hasSize(4);
        // each event's decisions commit together, so these are final
        assertThat(log.rowsOf(blocker)).isEmpty();
        assertThat(log.rowsOf(blockedByPest)).isEmpty();

        events.publish(
                DomainEvents.FRIENDSHIP,
                FriendshipId.of(blocker, pest),
                new UserUnblockedEvent(FriendshipId.of(blocker, pest), blocker, pest));
        await().atMost(Duration.ofSeconds(60)).until(() -> !recipients.eitherBlocks(blocker, pest));
        mention(group, pest, List.of(blocker));
        await().atMost(Duration.ofSeconds(60)).until(() -> log.rowsOf(blocker).size() == 1);
        assertThat(log.rowsOf(blocker).get(0).get("type")).isEqualTo("group.message.mention");
    }

    private List<Object> typesOf(UUID user) {
        return log.rowsOf(user).stream().map(row -> row.get("type")).toList();
    }

    private void block(UUID blocker, UUID blocked) {
        String pair = FriendshipId.of(blocker, blocked);
        events.publish(DomainEvents.FRIENDSHIP, pair, new UserBlockedEvent(pair, blocker, blocked, false, null));
    }

    private void mention(UUID group, UUID author, List<UUID> mentioned) {
        Groups.write(
                events,
                group,
                GroupDecisions.post(group, UUID.randomUUID(), author, "look at this", null, mentioned, List.of()));
    }
}
