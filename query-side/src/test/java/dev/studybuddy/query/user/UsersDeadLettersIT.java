package dev.studybuddy.query.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import dev.studybuddy.api.user.ProfileChangedEvent;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.query.consistency.ProjectionPositions;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.PrometheusScrape;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The poison of issue 13: a display name with a NUL, which PostgreSQL refuses in any text column. It is
 * appended straight to the event store, past every validation. The users projection writes through JPA,
 * which used to fail only at commit, so the whole segment retried that event forever.
 */
@QuerySideIT
class UsersDeadLettersIT {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ProjectionPositions positions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoTemplate axonMongoTemplate;

    private UUID poisonedUser;

    /**
     * The poison stays in the store, and a replay parks it again: the state this test leaves (a dropped
     * event, a retried one) is one no replay rebuilds. Remove the account, so the replay tests that share
     * this store compare like with like.
     */
    @AfterEach
    void forgetThePoisonedAccount() {
        if (poisonedUser != null) {
            axonMongoTemplate.eventCollection().deleteMany(Filters.eq("aggregateIdentifier", poisonedUser.toString()));
            jdbc.update("DELETE FROM users WHERE user_id = ?", poisonedUser);
            jdbc.update("DELETE FROM projection_positions WHERE aggregate_id = ?", poisonedUser.toString());
            jdbc.update("DELETE FROM dead_letter_entry WHERE sequence_identifier = ?", poisonedUser.toString());
        }
    }

    @Test
    void aPoisonedProfileIsParkedWithTheRestOfItsStreamAndCanBeDroppedAndRetried() {
        UserAccounts.Registered poisoned = accounts.register(UserAccounts.uniqueUsername("poisoned"), "Poisoned");
        poisonedUser = poisoned.userId();
        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, poisoned.token());

        ConsistencyToken poison =
                accounts.publish(poisoned.userId(), new ProfileChangedEvent(poisoned.userId(), "nul\u0000byte", null));
        ConsistencyToken behind = accounts.changeProfile(poisoned.userId(), "Cured", "fine");
        UserAccounts.Registered healthy = accounts.register(UserAccounts.uniqueUsername("healthy"), "Healthy");

        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, healthy.token());
        ApiClient admin = ApiClient.on(port).withToken(accounts.tokenOfNew("USER", "ADMIN"));
        await().atMost(Duration.ofSeconds(30)).until(() -> letters(admin).size() == 2);

        JsonNode letters = letters(admin);
        assertThat(letters.get(0).get("sequenceNumber").asLong()).isEqualTo(poison.sequence());
        assertThat(letters.get(0).get("payloadType").asText()).isEqualTo(ProfileChangedEvent.class.getName());
        assertThat(letters.get(0).get("cause").asText()).isNotBlank();
        assertThat(letters.get(1).get("sequenceNumber").asLong()).isEqualTo(behind.sequence());
        assertThat(displayName(poisoned.userId())).isEqualTo("Poisoned");
        assertThat(positions.sequence(
                        UsersProjection.PROCESSING_GROUP, poisoned.userId().toString()))
                .as("parked events do not move the position")
                .isLessThan(poison.sequence());

        JsonNode users = status(admin);
        assertThat(users.get("deadLetters").asLong()).isEqualTo(2);
        assertThat(users.get("error").asBoolean())
                .as("parked events are an error to look at")
                .isTrue();
        assertThat(PrometheusScrape.of(port).value("studybuddy_dead_letters", "processing_group", "users"))
                .isEqualTo(2.0);

        ApiClient.Response dropped = admin.delete("/api/admin/projections/users/dead-letters/"
                + letters.get(0).get("eventId").asText());
        assertThat(dropped.status()).as(dropped.toString()).isEqualTo(204);
        ApiClient.Response retried = admin.post("/api/admin/projections/users/dead-letters/retry", null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);

        assertThat(letters(admin)).isEmpty();
        assertThat(displayName(poisoned.userId())).isEqualTo("Cured");
        assertThat(positions.sequence(
                        UsersProjection.PROCESSING_GROUP, poisoned.userId().toString()))
                .isEqualTo(behind.sequence());
        assertThat(status(admin).get("error").asBoolean()).isFalse();
    }

    private String displayName(UUID userId) {
        return jdbc.queryForObject("SELECT display_name FROM users WHERE user_id = ?", String.class, userId);
    }

    private static JsonNode letters(ApiClient admin) {
        ApiClient.Response response = admin.get("/api/admin/projections/users/dead-letters");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("items");
    }

    private static JsonNode status(ApiClient admin) {
        JsonNode items = admin.get("/api/admin/projections").json().get("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(item -> item.get("name").asText().equals(UsersProjection.PROCESSING_GROUP))
                .findFirst()
                .orElseThrow();
    }
}
