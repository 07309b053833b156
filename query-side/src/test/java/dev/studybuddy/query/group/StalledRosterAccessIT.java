package dev.studybuddy.query.group;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import dev.studybuddy.api.group.GroupDetailsChangedEvent;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.StompClients;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13, item 4: while the groups projection was stalled, a removed member still read the group's
 * history. Here a poison (a group name with a NUL, which PostgreSQL refuses) is appended straight into a
 * group's stream, so the roster's next events are parked behind it, and the aggregate then removes a
 * member. Until the letters are retried, nobody reads or subscribes by that roster (ADR 0013): not the
 * removed member, whom the stale roster still lists, nor those who stay. Afterwards the roster rules again.
 */
@QuerySideIT
class StalledRosterAccessIT {

    private static final Duration RECHECK = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    Groups groups;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoTemplate axonMongoTemplate;

    private UUID groupId;

    /** The poison stays in the store, and a replay would park it again: the replay tests sharing this store must not meet it. */
    @AfterEach
    void forgetThePoisonedGroup() {
        if (groupId != null) {
            axonMongoTemplate.eventCollection().deleteMany(Filters.eq("aggregateIdentifier", groupId.toString()));
            jdbc.update("DELETE FROM groups WHERE group_id = ?", groupId);
            jdbc.update("DELETE FROM projection_positions WHERE aggregate_id = ?", groupId.toString());
            jdbc.update("DELETE FROM dead_letter_entry WHERE sequence_identifier = ?", groupId.toString());
        }
    }

    @Test
    void whileTheRosterIsStalledNobodyReadsByItAndAfterTheRetryTheRemovalHolds() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        UUID staying = UUID.randomUUID();
        groupId = groups.create(owner, "Stalled " + UUID.randomUUID(), GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10)
                .groupId();
        groups.join(groupId, removed);
        accounts.awaitProjected(GroupsProjection.PROCESSING_GROUP, groups.join(groupId, staying));
        assertThat(history(removed).status()).isEqualTo(200);

        groups.publish(
                groupId,
                new GroupDetailsChangedEvent(
                        groupId, "nul\u0000byte", "", GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10, owner, false));
        ConsistencyToken removal = groups.remove(groupId, removed, owner);
        await().atMost(Duration.ofSeconds(30)).until(() -> parkedLetters() == 2);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM group_members WHERE group_id = ? AND user_id = ?",
                        Long.class,
                        groupId,
                        removed))
                .as("the stale roster still lists the removed member")
                .isOne();

        await().atMost(RECHECK).untilAsserted(() -> assertRosterBehind(history(removed)));
        for (UUID member : List.of(removed, staying, owner)) {
            assertRosterBehind(history(member));
            assertRosterBehind(as(member).get("/api/groups/" + groupId + "/unread"));
            assertRosterBehind(as(member).get("/api/groups/" + groupId + "/sessions"));
            assertRosterBehind(as(member).get("/api/groups/" + groupId));
            assertRosterBehind(as(member).get("/api/groups/" + groupId + "/members"));
        }
        assertRosterBehind(as(owner).get("/api/groups/" + groupId + "/join-requests"));
        assertProblem(history(UUID.randomUUID()), 404, "NOT_FOUND");
        assertProblem(as(UUID.randomUUID()).get("/api/groups/" + groupId), 404, "NOT_FOUND");
        try (StompClients.Client client =
                StompClients.connected(port, TestTokenIssuer.get().accessToken(staying))) {
            client.subscribe("/topic/groups." + groupId);
            assertThat(client.awaitRefusal())
                    .satisfiesAnyOf(
                            refusal -> assertThat(refusal).contains("roster is behind"),
                            refusal -> assertThat(refusal).isEqualTo(StompClients.Client.CLOSED_WITHOUT_ERROR_FRAME));
        }

        ApiClient admin = ApiClient.on(port).withToken(accounts.tokenOfNew("USER", "ADMIN"));
        String poison = poisonEventId(admin);
        assertThat(admin.delete("/api/admin/projections/groups/dead-letters/" + poison)
                        .status())
                .isEqualTo(204);
        ApiClient.Response retried = admin.post("/api/admin/projections/groups/dead-letters/retry", null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        accounts.awaitProjected(GroupsProjection.PROCESSING_GROUP, removal);

        await().atMost(RECHECK)
                .untilAsserted(() -> assertThat(history(staying).status()).isEqualTo(200));
        assertProblem(history(removed), 404, "NOT_FOUND");
        assertProblem(as(removed).get("/api/groups/" + groupId), 404, "NOT_FOUND");
        assertThat(as(owner).get("/api/groups/" + groupId + "/members").status())
                .isEqualTo(200);
        try (StompClients.Client client =
                StompClients.connected(port, TestTokenIssuer.get().accessToken(staying))) {
            client.subscribe("/topic/groups." + groupId);
            Thread.sleep(500);
            assertThat(client.errors).isEmpty();
        }
    }

    private static void assertRosterBehind(ApiClient.Response response) {
        assertProblem(response, 503, "ROSTER_BEHIND");
        assertThat(response.header("Retry-After")).as(response.toString()).isPresent();
    }

    private ApiClient.Response history(UUID user) {
        return as(user).get("/api/groups/" + groupId + "/messages");
    }

    private ApiClient as(UUID user) {
        return ApiClient.on(port).withToken(TestTokenIssuer.get().accessToken(user));
    }

    private long parkedLetters() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM dead_letter_entry WHERE processing_group = ? AND sequence_identifier = ?",
                Long.class,
                GroupsProjection.PROCESSING_GROUP,
                groupId.toString());
    }

    private String poisonEventId(ApiClient admin) {
        JsonNode letters =
                admin.get("/api/admin/projections/groups/dead-letters").json().get("items");
        for (JsonNode letter : letters) {
            if (letter.get("sequence").asText().equals(groupId.toString())
                    && letter.get("payloadType").asText().equals(GroupDetailsChangedEvent.class.getName())) {
                return letter.get("eventId").asText();
            }
        }
        throw new AssertionError("no parked GroupDetailsChangedEvent of " + groupId + " in " + letters);
    }
}
