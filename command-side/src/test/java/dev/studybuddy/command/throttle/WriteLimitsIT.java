package dev.studybuddy.command.throttle;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.Groups;
import dev.studybuddy.testing.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One user's chat writes, and separately what reaches others, are limited across all their conversations and groups;
 * the others' are not (README "Security", Abuse).
 */
@CommandSideIT
class WriteLimitsIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Test
    void aFloodingUserIsRefusedWith429AndNothingOfTheRefusedIsStored() {
        SignedInUser owner = Accounts.signedIn(port, "floodowner");
        SignedInUser flooder = Accounts.signedIn(port, "flooder");
        SignedInUser friend = Accounts.signedIn(port, "floodfriend");
        UUID group = Groups.openWith(owner, "Flooded", flooder);
        flooder.api().post("/api/friends/requests", Map.of("userId", friend.id().toString()));
        assertThat(friend.api()
                        .post("/api/friends/requests/" + flooder.id() + "/accept", null)
                        .status())
                .isEqualTo(204);
        String messages = "/api/groups/" + group + "/messages";

        // reactions and posts spend one budget, refilled evenly while the loop runs
        String first = flooder.api()
                .post(messages, Map.of("body", "first"))
                .json()
                .get("messageId")
                .asText();
        int posted = 1;
        ApiClient.Response refused = null;
        for (int write = 1; refused == null && write < 3 * CommandSideIT.CHAT_WRITES_PER_MINUTE; write++) {
            ApiClient.Response response = write % 3 == 0
                    ? flooder.api().put(messages + "/" + first + "/reactions/:tada:", null)
                    : flooder.api().post(messages, Map.of("body", "flood " + write));
            if (response.status() == 429) {
                refused = response;
            } else if (write % 3 != 0) {
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                posted++;
            }
        }

        assertThat(refused).as("refused before three budgets were spent").isNotNull();
        assertProblem(refused, 429, "RATE_LIMITED");
        assertThat(refused.header("Retry-After").map(Integer::parseInt))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1, 60));
        // a refusal for now is not a keyed request's stored outcome: its retry after Retry-After is served
        ApiClient keyed = flooder.api().withHeader("Idempotency-Key", "flood-" + UUID.randomUUID());
        ApiClient.Response keyedRefusal = keyed.post(messages, Map.of("body", "once"));
        assertProblem(keyedRefusal, 429, "RATE_LIMITED");
        assertProblem(
                flooder.api().post("/api/direct/" + friend.id() + "/messages", Map.of("body", "and here")),
                429,
                "RATE_LIMITED");
        assertThat(postedBy(group, flooder.id())).isEqualTo(posted);
        sleepSeconds(keyedRefusal.header("Retry-After").map(Integer::parseInt).orElseThrow());
        ApiClient.Response retried = keyed.post(messages, Map.of("body", "once"));
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEmpty();
        assertThat(keyed.post(messages, Map.of("body", "once")).header("Idempotent-Replayed"))
                .as("and that outcome is kept")
                .hasValue("true");
        assertThat(postedBy(group, flooder.id())).isEqualTo(posted + 1);

        assertThat(owner.api().post(messages, Map.of("body", "calm down")).status())
                .as("another member writes on")
                .isEqualTo(201);
        assertThat(friend.api()
                        .post("/api/direct/" + flooder.id() + "/messages", Map.of("body", "are you ok?"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void requestsInvitationsJoinsAndNewGroupsShareABudgetOfTheirOwn() {
        SignedInUser spammer = Accounts.signedIn(port, "outreacher");
        SignedInUser target = Accounts.signedIn(port, "outreached");
        List<String> groups = new ArrayList<>();
        ApiClient.Response refused = null;
        for (int write = 0; refused == null && write < 2 * CommandSideIT.OUTREACH_WRITES; write++) {
            ApiClient.Response response =
                    spammer.api().post("/api/groups", Map.of("name", "Spam " + write, "joinPolicy", "OPEN"));
            if (response.status() == 429) {
                refused = response;
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                groups.add(response.json().get("groupId").asText());
            }
        }

        assertThat(groups).hasSizeGreaterThanOrEqualTo(CommandSideIT.OUTREACH_WRITES);
        assertProblem(refused, 429, "RATE_LIMITED");
        assertProblem(
                spammer.api()
                        .post(
                                "/api/friends/requests",
                                Map.of("userId", target.id().toString())),
                429,
                "RATE_LIMITED");
        assertThat(eventStore
                        .readEvents(FriendshipId.of(spammer.id(), target.id()), 0)
                        .hasNext())
                .as("no request stored")
                .isFalse();
        String group = groups.get(0);
        assertProblem(
                spammer.api()
                        .post(
                                "/api/groups/" + group + "/invitations",
                                Map.of("userId", target.id().toString())),
                429,
                "RATE_LIMITED");
        assertThat(spammer.api()
                        .post("/api/groups/" + group + "/messages", Map.of("body", "chat is its own budget"))
                        .status())
                .isEqualTo(201);
        assertThat(target.api().post("/api/groups/" + group + "/join", null).status())
                .as("the others join on")
                .isEqualTo(200);
    }

    private static void sleepSeconds(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int postedBy(UUID group, UUID author) {
        AtomicInteger count = new AtomicInteger();
        // from the first event: a snapshot taken while the loop ran would hide the earlier posts
        eventStore.readEvents(group.toString(), 0).forEachRemaining(event -> {
            if (event.getPayload() instanceof GroupMessagePostedEvent posted
                    && posted.authorId().equals(author)) {
                count.incrementAndGet();
            }
        });
        return count.get();
    }
}
