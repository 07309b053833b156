package dev.studybuddy.notification.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.Groups;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Group notifications go to whom the roster says; replaying the roster projection notifies no one again. */
@NotificationSagaIT
class RecipientsReplayIT {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Recipients recipients;

    @Autowired
    DomainEvents events;

    @Autowired
    LogQueries log;

    @Test
    void aJoinRequestGoesToOwnerAndAdminsAndAReplaySendsNothing() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID requester = UUID.randomUUID();
        events.publish(
                DomainEvents.USER_ACCOUNT,
                requester.toString(),
                new UserRegisteredEvent(
                        requester,
                        "req_" + requester.toString().substring(0, 8),
                        "Rita Requester",
                        Set.of(PlatformRole.USER)));
        Groups.write(
                events,
                group,
                GroupDecisions.create(
                        group, owner, "Linear Algebra", "", GroupVisibility.PUBLIC, JoinPolicy.APPROVAL, 10),
                GroupDecisions.join(group, admin),
                GroupDecisions.changeRole(group, admin, GroupRole.MEMBER, GroupRole.ADMIN, owner),
                GroupDecisions.join(group, member),
                GroupDecisions.requestToJoin(group, requester),
                GroupDecisions.approve(group, requester, admin));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> log.rowsOf(requester).stream()
                        .anyMatch(row -> "group.join-request.approved".equals(row.get("type"))));
        assertThat(log.rowsOf(owner)).extracting(row -> row.get("type")).containsExactly("group.join-request.received");
        assertThat(log.rowsOf(admin))
                .extracting(row -> row.get("type"))
                .containsExactlyInAnyOrder("group.member.role-changed", "group.join-request.received");
        assertThat(log.rowsOf(member)).isEmpty();
        assertThat(log.rowsOf(owner).get(0).get("payload"))
                .asString()
                .contains("Linear Algebra")
                .contains(requester.toString());
        // this test's own notifications settle (other tests leave rows of their own in the shared log)
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM notification_log WHERE status NOT IN ('DELIVERED', 'DEAD') AND recipient IN (?, ?, ?)",
                                Integer.class,
                                owner,
                                admin,
                                requester)
                        == 0);
        int before = log.count();
        int attemptsBefore = jdbc.queryForObject("SELECT count(*) FROM notification_attempts", Integer.class);

        StreamingEventProcessor processor = processing
                .eventProcessor(RecipientsProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        // every segment claimed and past its replay: a segment that finished early must not end the wait
        // while the one holding this group has not been claimed yet
        int segments = processing
                .tokenStore(RecipientsProjection.PROCESSING_GROUP)
                .fetchSegments(RecipientsProjection.PROCESSING_GROUP)
                .length;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> processor.processingStatus().size() == segments && !processor.isReplaying());

        assertThat(recipients.moderatorsOf(group)).containsExactlyInAnyOrder(owner, admin);
        assertThat(recipients.displayName(requester)).contains("Rita Requester");
        assertThat(log.count()).as("no notification written by the replay").isEqualTo(before);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM notification_attempts", Integer.class)
                        == attemptsBefore);
    }
}
