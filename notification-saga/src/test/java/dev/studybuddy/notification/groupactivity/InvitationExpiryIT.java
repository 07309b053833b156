package dev.studybuddy.notification.groupactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.recipients.Recipients;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.Groups;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.testing.TransactionRaces;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** A lapsed invitation is told to the invitee, and to the inviter whom the recipients projection remembers. */
@NotificationSagaIT
class InvitationExpiryIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Recipients recipients;

    @Autowired
    DomainEvents events;

    @Autowired
    LogQueries log;

    @Test
    void theInviteeAndTheInviterAreToldThatTheInvitationLapsed() {
        UUID owner = UUID.randomUUID();
        UUID invitee = UUID.randomUUID();
        UUID group = Groups.create(events, recipients, owner, Map.of());

        Groups.write(
                events,
                group,
                GroupDecisions.invite(group, invitee, owner),
                GroupDecisions.invitationExpires(group, invitee));

        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        log.rowsOf(invitee).size() == 2 && log.rowsOf(owner).size() == 1);
        assertThat(log.rowsOf(invitee))
                .extracting(row -> row.get("type"))
                .containsExactlyInAnyOrder("group.invitation.received", "group.invitation.expired");
        assertThat(log.rowsOf(owner).get(0).get("type")).isEqualTo("group.invitation.lapsed");
        assertThat(log.rowsOf(owner).get(0).get("payload")).asString().contains(invitee.toString());
    }

    @Test
    void anExpiredInvitationIsKeptForItsNotificationAndForgottenADayAfterALaterExpiry() {
        UUID owner = UUID.randomUUID();
        UUID invitee = UUID.randomUUID();
        UUID longAgo = UUID.randomUUID();
        UUID group = Groups.create(events, recipients, owner, Map.of());
        jdbc.update("""
                INSERT INTO group_invitations (group_id, invitee_id, invited_by, expired_at)
                VALUES (?, ?, ?, now() - interval '2 days')""", group, longAgo, owner);

        Groups.write(
                events,
                group,
                GroupDecisions.invite(group, invitee, owner),
                GroupDecisions.invitationExpires(group, invitee));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> invitation(group, invitee).get("expired_at") != null);
        assertThat(invitation(group, invitee).get("invited_by")).isEqualTo(owner);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM group_invitations WHERE group_id = ? AND invitee_id = ?",
                        Integer.class,
                        group,
                        longAgo))
                .isZero();

        Groups.write(events, group, GroupDecisions.invite(group, invitee, owner));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> invitation(group, invitee).get("expired_at") == null);
    }

    /**
     * The purge walks every group's expired rows, an order no other write follows: waiting for a row another segment
     * holds (re-inviting its invitee, say) could close a cycle PostgreSQL breaks by failing one of the batches.
     */
    @Test
    void forgettingExpiredInvitationsPassesOverOneAnotherTransactionHolds() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID invitee = UUID.randomUUID();
        UUID heldElsewhere = UUID.randomUUID();
        UUID group = Groups.create(events, recipients, owner, Map.of());
        jdbc.update("""
                INSERT INTO group_invitations (group_id, invitee_id, invited_by, expired_at)
                VALUES (?, ?, ?, now() - interval '2 days')""", group, heldElsewhere, owner);
        try {
            try (TransactionRaces.Held held = new TransactionRaces(transactions, jdbc)
                    .hold(() -> assertThat(jdbc.queryForList(
                                    "SELECT * FROM group_invitations WHERE group_id = ? AND invitee_id = ? FOR UPDATE",
                                    group,
                                    heldElsewhere))
                            .as("not forgotten by an earlier test's expiry before it was held")
                            .hasSize(1))) {
                Groups.write(
                        events,
                        group,
                        GroupDecisions.invite(group, invitee, owner),
                        GroupDecisions.invitationExpires(group, invitee));

                await().atMost(Duration.ofSeconds(30))
                        .until(() -> invitation(group, invitee).get("expired_at") != null);
            }
            assertThat(invitation(group, heldElsewhere)).containsKey("expired_at");
        } finally {
            jdbc.update("DELETE FROM group_invitations WHERE group_id = ? AND invitee_id = ?", group, heldElsewhere);
        }
    }

    private Map<String, Object> invitation(UUID group, UUID invitee) {
        return jdbc.queryForMap(
                "SELECT * FROM group_invitations WHERE group_id = ? AND invitee_id = ?", group, invitee);
    }
}
