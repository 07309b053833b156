package dev.studybuddy.command.audit;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.nimbusds.jwt.SignedJWT;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.Groups;
import dev.studybuddy.testing.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An auditor reads a group's history, its state at a past instant, and the integrity of its stream. */
@CommandSideIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregateAuditIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongoClient;

    @Value("${spring.data.mongodb.database}")
    String database;

    SignedInUser owner;
    SignedInUser alice;
    SignedInUser bob;
    ApiClient auditor;
    ApiClient admin;

    /** Once for the class: sign-ins are rate limited per client address. */
    @BeforeAll
    void threeUsersAndAnAuditor() {
        owner = Accounts.signedIn(port, "audowner");
        alice = Accounts.signedIn(port, "audalice");
        bob = Accounts.signedIn(port, "audbob");
        auditor = auditor();
    }

    @Test
    void theHistoryOfAGroupNamesTheActorOfEveryEvent() {
        UUID group = createGroup(owner); // 1
        join(alice, group); // 2
        join(bob, group); // 3
        for (int i = 0; i < 3; i++) {
            post(alice, group, "alice " + i); // 4-6
            post(bob, group, "bob " + i); // 7-9
        }
        for (int i = 0; i < 5; i++) {
            ok(owner.api().patch("/api/groups/" + group, Map.of("description", "take " + i))); // 10-14
        }
        ok(owner.api().put(members(group, alice.id()) + "/role", Map.of("role", "ADMIN"))); // 15
        ok(owner.api().put(members(group, alice.id()) + "/role", Map.of("role", "MEMBER"))); // 16
        for (int i = 0; i < 3; i++) {
            post(owner, group, "owner " + i); // 17-19
        }
        ok(owner.api().delete(members(group, bob.id()))); // 20

        List<JsonNode> history = new ArrayList<>();
        Long after = -1L;
        do {
            ApiClient.Response page = auditor.get(events(group) + "?limit=7&afterSequence=" + after);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(history::add);
            after = page.json().get("nextAfterSequence").isNull()
                    ? null
                    : page.json().get("nextAfterSequence").asLong();
        } while (after != null);

        assertThat(history)
                .extracting(event -> event.get("sequence").asLong())
                .containsExactlyElementsOf(sequence(history.size()));
        Set<String> actors = new HashSet<>();
        history.forEach(event -> {
            actors.add(event.get("actor").asText());
            assertThat(event.get("traceId").asText()).isNotBlank();
            assertThat(event.get("hash").asText()).hasSize(64);
            assertThat(event.get("time").asText()).isNotBlank();
            assertThat(event.get("payload").isObject()).isTrue();
            assertThat(event.has("revision")).isTrue();
            assertThat(event.get("moderation").asBoolean()).isFalse();
        });
        assertThat(actors)
                .containsExactlyInAnyOrder(
                        owner.id().toString(), alice.id().toString(), bob.id().toString());
        assertThat(history.get(0).get("type").asText()).isEqualTo("dev.studybuddy.api.group.GroupCreatedEvent");
        assertThat(history.get(0).get("actor").asText()).isEqualTo(owner.id().toString());
        assertThat(history)
                .filteredOn(event -> event.get("type").asText().endsWith("GroupMessagePostedEvent"))
                .extracting(event -> event.get("actor").asText())
                .containsOnly(
                        owner.id().toString(), alice.id().toString(), bob.id().toString())
                .hasSize(9);
        JsonNode removal = history.get(history.size() - 1);
        assertThat(removal.get("type").asText()).endsWith("MemberRemovedEvent");
        assertThat(removal.get("actor").asText()).isEqualTo(owner.id().toString());

        assertThat(auditor.get("/api/audit/aggregates/Group/" + group + "/verify")
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("OK");
    }

    @Test
    void theStateAtAPastInstantShowsTheRosterOfThen() throws InterruptedException {
        UUID group = createGroup(owner);
        Instant beforeAnyone = Instant.now();
        Thread.sleep(5);
        join(alice, group);
        join(bob, group);
        Instant whenAllWereIn = Instant.now();
        Thread.sleep(5);
        ok(owner.api().delete(members(group, bob.id())));

        JsonNode then = auditor.get(state(group) + "?at=" + whenAllWereIn).json();
        assertThat(then.get("version").asLong()).isEqualTo(3);
        assertThat(fieldNames(then.get("state").get("members")))
                .containsExactlyInAnyOrder(
                        owner.id().toString(), alice.id().toString(), bob.id().toString());
        assertThat(then.get("state").get("ownerId").asText())
                .isEqualTo(owner.id().toString());

        JsonNode now = auditor.get(state(group)).json();
        assertThat(fieldNames(now.get("state").get("members")))
                .containsExactlyInAnyOrder(owner.id().toString(), alice.id().toString());

        assertThat(fieldNames(auditor.get(state(group) + "?at=" + beforeAnyone)
                        .json()
                        .get("state")
                        .get("members")))
                .containsExactly(owner.id().toString());
        assertProblem(auditor.get(state(group) + "?at=2001-01-01T00:00:00Z"), 404, "NOT_FOUND");

        // the same endpoints for another aggregate type: the user's own account
        JsonNode account = auditor.get("/api/audit/aggregates/UserAccount/" + alice.id() + "/state")
                .json();
        assertThat(account.get("state").get("userId").asText())
                .isEqualTo(alice.id().toString());
    }

    @Test
    void aTypeThatDoesNotMatchTheStreamIsNotFound() {
        UUID group = createGroup(owner);
        assertProblem(auditor.get("/api/audit/aggregates/UserAccount/" + group + "/events"), 404, "NOT_FOUND");
        assertProblem(auditor.get("/api/audit/aggregates/Planet/" + group + "/events"), 404, "NOT_FOUND");
        assertProblem(auditor.get("/api/audit/aggregates/Group/" + UUID.randomUUID() + "/verify"), 404, "NOT_FOUND");
        assertProblem(auditor.get(events(group) + "?limit=500"), 400, "VALIDATION_FAILED");
    }

    @Test
    void verifyFindsAModifiedPayload() {
        UUID group = createGroup(owner);
        for (int i = 0; i < 4; i++) {
            ok(owner.api().patch("/api/groups/" + group, Map.of("description", "honest " + i)));
        }
        assertThat(auditor.get(verify(group)).json().get("status").asText()).isEqualTo("OK");

        // sequence 4 is the third description change (0: created, 1: the owner joined)
        long tampered = 4;
        Document stored = eventDocuments()
                .find(Filters.and(
                        Filters.eq("aggregateIdentifier", group.toString()), Filters.eq("sequenceNumber", tampered)))
                .first();
        String payload = stored.getString("serializedPayload");
        assertThat(payload).contains("honest 2");
        eventDocuments()
                .updateOne(
                        Filters.eq("_id", stored.get("_id")),
                        Updates.set("serializedPayload", payload.replace("honest 2", "forged")));

        JsonNode verdict = auditor.get(verify(group)).json();
        assertThat(verdict.get("status").asText()).isEqualTo("BROKEN");
        assertThat(verdict.get("sequence").asLong()).isEqualTo(tampered);
        assertThat(verdict.get("reason").asText()).isNotBlank();
    }

    @Test
    void verifyFindsADeletedEvent() {
        UUID group = createGroup(owner);
        join(alice, group);
        join(bob, group);
        ok(owner.api().patch("/api/groups/" + group, Map.of("description", "after the joins")));
        assertThat(auditor.get(verify(group)).json().get("status").asText()).isEqualTo("OK");

        long deleted = 2;
        assertThat(eventDocuments()
                        .deleteOne(Filters.and(
                                Filters.eq("aggregateIdentifier", group.toString()),
                                Filters.eq("sequenceNumber", deleted)))
                        .getDeletedCount())
                .isEqualTo(1);

        JsonNode verdict = auditor.get(verify(group)).json();
        assertThat(verdict.get("status").asText()).isEqualTo("BROKEN");
        assertThat(verdict.get("sequence").asLong()).isEqualTo(deleted);
        assertThat(verdict.get("reason").asText()).contains("missing");
    }

    /** The drill's "lost write": the cached group saw an event the store no longer has. */
    @Test
    void aGroupCachedAheadOfTheStoreIsReloadedInsteadOfAppendingPastTheGap() {
        UUID group = createGroup(owner);
        for (int i = 0; i < 3; i++) {
            ok(owner.api().patch("/api/groups/" + group, Map.of("description", "kept " + i)));
        }
        long lost = 4;
        assertThat(eventDocuments()
                        .deleteOne(Filters.and(
                                Filters.eq("aggregateIdentifier", group.toString()),
                                Filters.eq("sequenceNumber", lost)))
                        .getDeletedCount())
                .isEqualTo(1);

        ok(owner.api().patch("/api/groups/" + group, Map.of("description", "after the loss")));

        List<Long> sequences = new ArrayList<>();
        eventDocuments()
                .find(Filters.eq("aggregateIdentifier", group.toString()))
                .forEach(document -> sequences.add(document.getLong("sequenceNumber")));
        assertThat(sequences).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, lost);
        Document refilled = eventDocuments()
                .find(Filters.and(
                        Filters.eq("aggregateIdentifier", group.toString()), Filters.eq("sequenceNumber", lost)))
                .first();
        assertThat(refilled.getString("serializedPayload")).contains("after the loss");
        assertThat(auditor.get(verify(group)).json().get("status").asText()).isEqualTo("OK");
    }

    @Test
    void administratorsReadTheAuditToo() {
        UUID group = createGroup(owner);
        assertThat(admin.get(events(group)).status()).isEqualTo(200);
        assertThat(admin.get(state(group)).status()).isEqualTo(200);
        assertThat(admin.get(verify(group)).status()).isEqualTo(200);
    }

    @Test
    void whoIsNotAnAuditorIsRefusedEverywhere() {
        UUID group = createGroup(owner);
        for (String path : List.of(
                events(group),
                state(group),
                verify(group),
                "/api/audit/aggregates/UserAccount/" + owner.id() + "/events")) {
            assertProblem(owner.api().get(path), 403, "FORBIDDEN");
            assertProblem(alice.api().get(path), 403, "FORBIDDEN");
        }
        assertThat(ApiClient.on(port).get(events(group)).status()).isEqualTo(401);
    }

    private ApiClient auditor() {
        ApiClient client = ApiClient.on(port);
        String username = Accounts.uniqueUsername("auditor");
        UUID id = Accounts.register(client, username);
        admin = client.withToken(Accounts.adminToken(client));
        ok(admin.put("/api/admin/users/" + id + "/roles", Map.of("roles", List.of("USER", "AUDITOR"))));
        String[] token = new String[1];
        // sign-ins are rate limited: poll slowly until the account's new role is in its tokens
        await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ofMillis(500))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    token[0] = Accounts.accessToken(client, username);
                    assertThat(SignedJWT.parse(token[0]).getJWTClaimsSet().getStringListClaim("roles"))
                            .contains("AUDITOR");
                });
        return client.withToken(token[0]);
    }

    private UUID createGroup(SignedInUser creator) {
        return Groups.openWith(creator, "Audited " + UUID.randomUUID());
    }

    private static void join(SignedInUser user, UUID group) {
        ok(user.api().post("/api/groups/" + group + "/join", null));
    }

    private static void post(SignedInUser user, UUID group, String body) {
        ok(user.api().post("/api/groups/" + group + "/messages", Map.of("body", body)));
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
    }

    private static String members(UUID group, UUID user) {
        return "/api/groups/" + group + "/members/" + user;
    }

    private static String events(UUID group) {
        return "/api/audit/aggregates/Group/" + group + "/events";
    }

    private static String state(UUID group) {
        return "/api/audit/aggregates/Group/" + group + "/state";
    }

    private static String verify(UUID group) {
        return "/api/audit/aggregates/Group/" + group + "/verify";
    }

    private MongoCollection<Document> eventDocuments() {
        return mongoClient.getDatabase(database).getCollection("domainevents");
    }

    private static List<Long> sequence(int size) {
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            expected.add(i);
        }
        return expected;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
