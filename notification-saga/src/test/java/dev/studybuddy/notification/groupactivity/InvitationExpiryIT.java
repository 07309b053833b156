package dev.studybuddy.notification.groupactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.recipients.Recipients;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.Groups;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A lapsed invitation is told to the invitee, and to the inviter whom the recipients projection remembers. */
@NotificationSagaIT
class InvitationExpiryIT {

    @Autowired
    JdbcTemplate jdbc;

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

    private Map<String, Object> invitation(UUID group, UUID invitee) {
        return jdbc.queryForMap(
                "SELECT * FROM group_invitations WHERE group_id = ? AND invitee_id = ?", group, invitee);
    }
}
