package dev.studybuddy.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.group.GroupMessageEditedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.PersonalTexts;
import dev.studybuddy.platform.audit.PlainTextRedaction;
import dev.studybuddy.platform.audit.StoredEvents;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.PlainEvents;
import dev.studybuddy.testing.StoredText;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The redaction of events stored before personal fields were sealed (docs/adr/0019): afterwards, and after an
 * erasure, the event store holds none of the user's texts in clear, and every chain verifies.
 */
@CommandSideIT
class PlainTextRedactionIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongoClient;

    @Autowired
    MongoTemplate axonMongoTemplate;

    @Autowired
    StoredEvents storedEvents;

    @Autowired
    EventStore eventStore;

    @Autowired
    ObjectMapper objectMapper;

    @Value("${spring.data.mongodb.database}")
    String database;

    @Test
    void textsStoredInClearTextAreSealedThenGoWithTheKeyAndEveryChainStillVerifies() {
        SignedInUser alice = Accounts.signedIn(port, "plainwriter");
        SignedInUser bob = Accounts.signedIn(port, "plainreader");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String posted = "an old plan " + marker;
        String edited = "an old edited plan " + marker;
        String direct = "an old secret " + marker;
        String bio = "an old bio " + marker;
        String bobsWords = "bob wrote it then " + marker;
        UUID group =
                new PersonalTexts(posted, edited, bobsWords, direct, bio).writtenBy(alice, bob, "Before " + marker);
        String friendship = FriendshipId.of(alice.id(), bob.id());
        Map<String, String> streams =
                Map.of("UserAccount", alice.id().toString(), "Group", group.toString(), "Friendship", friendship);

        // as the store held them before personal fields were sealed
        PlainEvents plain = new PlainEvents(eventStore, axonMongoTemplate, storedEvents, objectMapper);
        streams.values().forEach(plain::storeInClearText);
        assertThat(storedText()).contains(posted, edited, direct, bio, bobsWords, alice.username());
        ApiClient admin = ApiClient.on(port).withToken(Accounts.adminToken(ApiClient.on(port)));
        assertAllVerify(admin, streams, false);

        String formerHead = lastEvent(admin, group).get("hash").asText();

        ApiClient.Response redaction = admin.post("/api/admin/event-store/redactions", null);
        assertThat(redaction.status()).as(redaction.toString()).isEqualTo(200);
        assertThat(redaction.json().get("refused")).isEmpty();
        assertThat(redaction.json().get("streams").findValuesAsText("aggregateId"))
                .containsAll(streams.values());

        // sealed: nothing in clear text, every chain verifies, and everything reads as it did
        assertThat(storedText()).doesNotContain(posted, edited, direct, bio, bobsWords, alice.username());
        assertAllVerify(admin, streams, true);
        JsonNode head = lastEvent(admin, group);
        assertThat(head.get("hash").asText()).isNotEqualTo(formerHead);
        assertThat(head.get("redaction").get("hashBefore").asText()).isEqualTo(formerHead);
        assertThat(payloads(group.toString()))
                .filteredOn(GroupMessagePostedEvent.class::isInstance)
                .extracting(event -> ((GroupMessagePostedEvent) event).body())
                .containsExactly(posted, bobsWords);
        assertThat(((UserRegisteredEvent) payloads(alice.id().toString()).get(0)).username())
                .isEqualTo(alice.username());
        assertThat(mongoClient
                        .getDatabase(database)
                        .getCollection(PlainTextRedaction.RECORDS)
                        .find(Filters.eq(
                                "redaction", redaction.json().get("redaction").asText())))
                .extracting(record -> record.getString("aggregateId"))
                .containsAll(streams.values());

        // a second run has nothing left to do; writing goes on, chained to the new links
        assertThat(admin.post("/api/admin/event-store/redactions", null).json().get("streams"))
                .isEmpty();
        ok(bob.api().post("/api/groups/" + group + "/messages", Map.of("body", "after " + marker)));
        assertAllVerify(admin, streams, true);

        // the erasure then takes the texts with the key
        ApiClient.Response erased = alice.api().send("DELETE", "/api/users/me", Map.of("password", Accounts.PASSWORD));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        assertThat(storedText())
                .doesNotContain(posted, edited, direct, bio, bobsWords, alice.username())
                .contains(alice.id().toString());
        assertAllVerify(admin, streams, true);
        List<Object> groupEvents = payloads(group.toString());
        assertThat(groupEvents)
                .filteredOn(GroupMessagePostedEvent.class::isInstance)
                .extracting(event -> ((GroupMessagePostedEvent) event).body())
                .containsExactly(null, bobsWords, "after " + marker);
        assertThat(groupEvents)
                .filteredOn(GroupMessageEditedEvent.class::isInstance)
                .extracting(event -> ((GroupMessageEditedEvent) event).body())
                .containsOnlyNulls();
        assertThat(payloads(friendship))
                .filteredOn(DirectMessageSentEvent.class::isInstance)
                .extracting(event -> ((DirectMessageSentEvent) event).body())
                .containsOnlyNulls();
        assertThat(((UserRegisteredEvent) payloads(alice.id().toString()).get(0)).username())
                .isNull();
    }

    private void assertAllVerify(ApiClient auditor, Map<String, String> streams, boolean redacted) {
        streams.forEach((type, id) -> {
            JsonNode verdict = auditor.get("/api/audit/aggregates/" + type + "/" + id + "/verify")
                    .json();
            assertThat(verdict.get("status").asText()).as(type + ": " + verdict).isEqualTo("OK");
            assertThat(verdict.get("unchained").asLong())
                    .as(type + ": " + verdict)
                    .isZero();
            assertThat(verdict.get("redacted").asLong() > 0)
                    .as(type + ": " + verdict)
                    .isEqualTo(redacted);
        });
    }

    /** The group's newest event, as the audit shows it. */
    private static JsonNode lastEvent(ApiClient auditor, UUID group) {
        JsonNode items = auditor.get("/api/audit/aggregates/Group/" + group + "/events?limit=200")
                .json()
                .get("items");
        return items.get(items.size() - 1);
    }

    private List<Object> payloads(String aggregateId) {
        return StoredText.payloads(eventStore, aggregateId);
    }

    private String storedText() {
        return StoredText.of(mongoClient.getDatabase(database));
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
    }
}
