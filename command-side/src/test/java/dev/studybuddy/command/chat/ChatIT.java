package dev.studybuddy.command.chat;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.group.GroupMessageDeletedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.Groups;
import dev.studybuddy.platform.consistency.ConsistencyTokens;
import dev.studybuddy.testing.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Group and direct messages over HTTP; the test configuration closes the edit window after 2 s. */
@CommandSideIT
class ChatIT {

    @Autowired
    ConsistencyTokens consistencyTokens;

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    private UUID openGroup(SignedInUser owner, SignedInUser... members) {
        return Groups.openWith(owner, "Chemistry", members);
    }

    private List<DomainEventMessage<?>> stream(Object aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(aggregateId.toString()).forEachRemaining(events::add);
        return events;
    }

    @Test
    void membersPostInStreamOrderWithMentionsResolved() {
        SignedInUser owner = Accounts.signedIn(port, "chatowner");
        SignedInUser member = Accounts.signedIn(port, "chatmember");
        SignedInUser outsider = Accounts.signedIn(port, "chatoutsider");
        UUID group = openGroup(owner, member);
        String ownerName = owner.username();

        ApiClient.Response first = member.api()
                .post(
                        "/api/groups/" + group + "/messages",
                        Map.of("body", "Hi @" + ownerName + ", and @" + outsider.username() + " and @nobody_here"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        ApiClient.Response second = owner.api()
                .post(
                        "/api/groups/" + group + "/messages",
                        Map.of(
                                "body",
                                "Hello!",
                                "replyTo",
                                first.json().get("messageId").asText()));
        assertThat(second.json().get("seq").asLong())
                .isEqualTo(first.json().get("seq").asLong() + 1);

        DomainEventMessage<?> posted = stream(group).stream()
                .filter(event ->
                        event.getSequenceNumber() == first.json().get("seq").asLong())
                .findFirst()
                .orElseThrow();
        GroupMessagePostedEvent payload = (GroupMessagePostedEvent) posted.getPayload();
        assertThat(payload.mentions()).containsExactly(owner.id());
        assertThat(payload.messageId().toString())
                .isEqualTo(first.json().get("messageId").asText());

        assertProblem(
                outsider.api().post("/api/groups/" + group + "/messages", Map.of("body", "let me in")),
                403,
                "NOT_A_MEMBER");
        assertProblem(
                member.api().post("/api/groups/" + group + "/messages", Map.of("body", "   ")),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                member.api().post("/api/groups/" + group + "/messages", Map.of("body", "x".repeat(4001))),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void editingIsTheAuthorsWithinTheWindowAndModeratorsDeleteAsModeration() {
        SignedInUser owner = Accounts.signedIn(port, "editowner");
        SignedInUser member = Accounts.signedIn(port, "editmember");
        UUID group = openGroup(owner, member);
        String messageId = member.api()
                .post("/api/groups/" + group + "/messages", Map.of("body", "draft"))
                .json()
                .get("messageId")
                .asText();
        String path = "/api/groups/" + group + "/messages/" + messageId;

        assertThat(member.api().patch(path, Map.of("body", "final")).status()).isEqualTo(204);
        assertProblem(owner.api().patch(path, Map.of("body", "owner's")), 403, "FORBIDDEN");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertProblem(member.api().patch(path, Map.of("body", "later")), 422, "EDIT_WINDOW_CLOSED"));

        ApiClient admin = ApiClient.on(port).withToken(Accounts.adminToken(ApiClient.on(port)));
        assertThat(admin.delete(path).status()).isEqualTo(204);
        GroupMessageDeletedEvent deleted = stream(group).stream()
                .map(DomainEventMessage::getPayload)
                .filter(GroupMessageDeletedEvent.class::isInstance)
                .map(GroupMessageDeletedEvent.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(deleted.moderation()).isTrue();
        assertProblem(member.api().patch(path, Map.of("body", "undelete")), 404, "NOT_FOUND");
        assertProblem(
                owner.api().post("/api/groups/" + group + "/messages", Map.of("body", "re", "replyTo", messageId)),
                422,
                "RULE_VIOLATED");
    }

    @Test
    void directMessagesGoOnlyBetweenFriends() {
        SignedInUser ann = Accounts.signedIn(port, "dmann");
        SignedInUser ben = Accounts.signedIn(port, "dmben");
        SignedInUser cat = Accounts.signedIn(port, "dmcat");
        assertProblem(
                ann.api().post("/api/direct/" + cat.id() + "/messages", Map.of("body", "hi")), 403, "NOT_FRIENDS");

        ann.api().post("/api/friends/requests", Map.of("userId", ben.id().toString()));
        assertProblem(
                ann.api().post("/api/direct/" + ben.id() + "/messages", Map.of("body", "hi")), 403, "NOT_FRIENDS");
        ben.api().post("/api/friends/requests/" + ann.id() + "/accept", null);

        ApiClient.Response sent =
                ann.api().post("/api/direct/" + ben.id() + "/messages", Map.of("body", "Library at 5?"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.header("X-Consistency-Token").flatMap(consistencyTokens::decode))
                .as("the token of this message's event")
                .hasValueSatisfying(token -> assertThat(token.sequence())
                        .isEqualTo(sent.json().get("seq").asLong()));
        ApiClient.Response answer = ben.api().post("/api/direct/" + ann.id() + "/messages", Map.of("body", "Yes"));
        assertThat(answer.json().get("seq").asLong())
                .isEqualTo(sent.json().get("seq").asLong() + 1);
        assertThat(ben.api()
                        .post(
                                "/api/direct/" + ann.id() + "/read",
                                Map.of("seq", answer.json().get("seq").asLong()))
                        .status())
                .isEqualTo(204);

        assertThat(ben.api().put("/api/blocks/" + ann.id(), null).status()).isEqualTo(204);
        assertProblem(ann.api().post("/api/direct/" + ben.id() + "/messages", Map.of("body", "?")), 403, "NOT_FRIENDS");
        assertThat(ann.api()
                        .delete("/api/direct/" + ben.id() + "/messages/"
                                + sent.json().get("messageId").asText())
                        .status())
                .isEqualTo(204);
    }
}
