package dev.studybuddy.query.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.group.GroupDetailsChangedEvent;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.group.JoinRoute;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.query.consistency.ProjectionPositions;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The poison: a group stream that does not start with its GroupCreatedEvent here (say its first event
 * was lost to a faulty migration or upcaster). The projection's first roster row for it violates the
 * foreign key from group_members to groups, so PostgreSQL refuses the handler's insert. That is a
 * failure no retry cures, which is what the dead-letter queue is for.
 */
@QuerySideIT
class GroupsDeadLettersIT {

    @LocalServerPort
    int port;

    @Autowired
    Groups groups;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ProjectionPositions positions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPoisonedGroupIsParkedWithTheRestOfItsStreamWhileOtherGroupsFlow() {
        UUID poisoned = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        groups.publish(poisoned, new MemberJoinedEvent(poisoned, owner, GroupRole.OWNER, JoinRoute.CREATED));
        await().atMost(Duration.ofSeconds(30)).until(() -> letters(poisoned).size() == 1);

        ConsistencyToken behind =
                groups.changeDetails(poisoned, "Renamed", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10, owner);
        Groups.Created healthy =
                groups.create(owner, "Healthy " + poisoned, GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10);
        ConsistencyToken healthyJoin = groups.join(healthy.groupId(), UUID.randomUUID());

        accounts.awaitProjected(GroupsProjection.PROCESSING_GROUP, healthyJoin);
        await().atMost(Duration.ofSeconds(30)).until(() -> letters(poisoned).size() == 2);

        List<Map<String, Object>> letters = letters(poisoned);
        assertThat(letters).extracting(letter -> letter.get("sequence_number")).containsExactly(0L, behind.sequence());
        assertThat(letters).extracting(letter -> letter.get("aggregate_type")).containsOnly(Groups.AGGREGATE_TYPE);
        assertThat(letters)
                .extracting(letter -> letter.get("payload_type"))
                .containsExactly(MemberJoinedEvent.class.getName(), GroupDetailsChangedEvent.class.getName());
        assertThat((String) letters.get(0).get("cause_message")).contains("group_members_group_id_fkey");
        assertThat(letters.get(1).get("cause_type"))
                .as("parked behind the first, never handled")
                .isNull();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM groups WHERE group_id = ?", Long.class, poisoned))
                .isZero();
        assertThat(positions.sequence(GroupsProjection.PROCESSING_GROUP, poisoned.toString()))
                .as("a parked event is not shown, so a read waiting for it stays waiting")
                .isEqualTo(ProjectionPositions.NONE);
        ApiClient.Response flowing = ApiClient.on(port)
                .withToken(TestTokenIssuer.get().accessToken(owner))
                .get("/api/groups/" + healthy.groupId());
        assertThat(flowing.status()).as(flowing.toString()).isEqualTo(200);
        assertThat(flowing.json().get("memberCount").asInt()).isEqualTo(2);
    }

    private List<Map<String, Object>> letters(UUID groupId) {
        return jdbc.queryForList("""
                SELECT sequence_number, aggregate_type, payload_type, cause_type, cause_message
                FROM dead_letter_entry WHERE processing_group = ? AND sequence_identifier = ?
                ORDER BY sequence_index""", GroupsProjection.PROCESSING_GROUP, groupId.toString());
    }
}
