package dev.studybuddy.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.platform.consistency.ConsistencyTokens;
import dev.studybuddy.query.chat.ChatProjection;
import dev.studybuddy.query.support.Chats;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.SecondNode;
import dev.studybuddy.query.support.StompClients;
import dev.studybuddy.query.support.StompClients.Client;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two query-side nodes side by side (the second a separate Spring context in this JVM, on the same
 * PostgreSQL, event store and Redis), with real STOMP clients over real WebSockets on both.
 */
@QuerySideIT
class ChatWebSocketIT {

    @Autowired
    ConsistencyTokens consistencyTokens;

    private static SecondNode secondNode;
    private static int secondPort;

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Groups groups;

    @Autowired
    Chats chats;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    GroupSubscriptions subscriptions;

    @Autowired
    RealtimeProperties properties;

    @Autowired
    EventProcessingConfiguration processing;

    final List<Client> clients = new ArrayList<>();
    UUID owner;
    UUID member;
    UUID groupId;

    @BeforeEach
    void twoNodesAndAGroup() {
        if (secondNode == null) {
            secondNode = SecondNode.start(environment, processing, "second-node");
            secondPort = secondNode.port();
        }
        owner = UUID.randomUUID();
        member = UUID.randomUUID();
        Groups.Created created =
                groups.create(owner, "Live " + UUID.randomUUID(), GroupVisibility.PRIVATE, JoinPolicy.OPEN, 100);
        groupId = created.groupId();
        accounts.awaitProjected("groups", groups.join(groupId, member));
    }

    @AfterEach
    void disconnect() {
        clients.forEach(Client::close);
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
            secondNode = null;
        }
    }

    @Test
    void clientsOnBothNodesReceiveAMessageAndTheNodesShareTheChatSegments() throws Exception {
        Client onFirst = subscribed(port, owner, "/topic/groups." + groupId);
        Client onSecond = subscribed(secondPort, member, "/topic/groups." + groupId);

        Chats.Posted posted = chats.post(groupId, owner, "hello, both nodes");

        for (Client client : List.of(onFirst, onSecond)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.framesOf("message.posted").size() == 1);
            JsonNode frame = client.framesOf("message.posted").get(0);
            assertThat(frame.get("conversationId").asText()).isEqualTo("group:" + groupId);
            assertThat(frame.get("seq").asLong()).isEqualTo(posted.seq());
            assertThat(frame.at("/message/body").asText()).isEqualTo("hello, both nodes");
            assertThat(frame.at("/message/messageId").asText())
                    .isEqualTo(posted.messageId().toString());
        }

        // the first node hands its surplus over (SegmentBalancer; SegmentBalancingIT tests the split itself)
        StreamingEventProcessor first = chatProcessor(processing);
        StreamingEventProcessor second =
                chatProcessor(secondNode.context().getBean(EventProcessingConfiguration.class));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !second.processingStatus().isEmpty());
        assertThat(first.processingStatus()).isNotEmpty();
        Chats.Posted later = chats.post(groupId, member, "after the hand-over");
        for (Client client : List.of(onFirst, onSecond)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.framesOf("message.posted").size() == 2);
            assertThat(client.framesOf("message.posted").get(1).get("seq").asLong())
                    .isEqualTo(later.seq());
        }
    }

    @Test
    void connectWithoutOrWithABadTokenAndANonMembersSubscriptionAreRefused() throws Exception {
        Client anonymous = track(StompClients.connect(port, null));
        Client forged = track(StompClients.connect(secondPort, "Bearer not-a-token"));
        TestTokenIssuer issuer = TestTokenIssuer.get();
        String exportGrant = issuer.sign(issuer.claims(member)
                .claim("roles", List.of())
                .claim("scope", "export")
                .build());
        Client granted = track(StompClients.connect(port, "Bearer " + exportGrant));
        for (Client client : List.of(anonymous, forged, granted)) {
            String error = client.errors.poll(30, TimeUnit.SECONDS);
            assertThat(error).startsWith("ERROR");
            if (client == granted) {
                assertThat(error).contains("export grant");
            }
            assertThat(client.isConnected()).isFalse();
        }

        Client outsider = track(StompClients.connected(port, token(UUID.randomUUID())));
        outsider.subscribe("/topic/groups." + groupId);
        assertThat(outsider.awaitRefusal())
                .satisfiesAnyOf(
                        refusal -> assertThat(refusal).contains("Only members"),
                        refusal -> assertThat(refusal).isEqualTo(Client.CLOSED_WITHOUT_ERROR_FRAME));

        Client sender = track(StompClients.connected(secondPort, token(member)));
        sender.send("/topic/groups." + groupId, "spoofed".getBytes());
        assertThat(sender.awaitRefusal())
                .satisfiesAnyOf(
                        refusal -> assertThat(refusal).contains("typing"),
                        refusal -> assertThat(refusal).isEqualTo(Client.CLOSED_WITHOUT_ERROR_FRAME));
    }

    @Test
    void aReconnectingClientCatchesUpExactlyTheMissedMessagesOverRest() throws Exception {
        Client client = subscribed(port, member, "/topic/groups." + groupId);
        Chats.Posted before = chats.post(groupId, owner, "before the disconnect");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.framesOf("message.posted").size() == 1);
        client.close();

        List<Long> missed = new ArrayList<>();
        ConsistencyToken last = null;
        for (int i = 0; i < 50; i++) {
            Chats.Posted posted = chats.post(groupId, owner, "missed " + i);
            missed.add(posted.seq());
            last = posted.token();
        }

        Client again = subscribed(secondPort, member, "/topic/groups." + groupId);
        List<Long> caughtUp = new ArrayList<>();
        String cursor = Long.toString(
                client.framesOf("message.posted").get(0).get("seq").asLong());
        ApiClient api = ApiClient.on(secondPort)
                .withToken(token(member))
                .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(last));
        do {
            ApiClient.Response page = api.get("/api/groups/" + groupId + "/messages?limit=20&afterSeq=" + cursor);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json()
                    .get("items")
                    .forEach(item -> caughtUp.add(item.get("seq").asLong()));
            cursor = page.json().get("nextCursor").isNull()
                    ? null
                    : page.json().get("nextCursor").asText();
        } while (cursor != null);
        assertThat(caughtUp).isEqualTo(missed);
        assertThat(before.seq()).isLessThan(missed.get(0));
        assertThat(again.errors).isEmpty();
    }

    @Test
    void concurrentSendersAreSeenInTheSameOrderByEverySubscriber() throws Exception {
        List<Client> subscribers = List.of(
                subscribed(port, owner, "/topic/groups." + groupId),
                subscribed(secondPort, member, "/topic/groups." + groupId),
                subscribed(secondPort, owner, "/topic/groups." + groupId));
        int senders = 5;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    chats.post(groupId, sender % 2 == 0 ? owner : member, "sender " + sender + " #" + i);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        List<List<Long>> orders = new ArrayList<>();
        for (Client subscriber : subscribers) {
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> subscriber.framesOf("message.posted").size() >= senders * each);
            orders.add(subscriber.framesOf("message.posted").stream()
                    .map(frame -> frame.get("seq").asLong())
                    .toList());
        }
        assertThat(orders.get(0)).hasSize(senders * each).isSorted().doesNotHaveDuplicates();
        assertThat(orders).allSatisfy(order -> assertThat(order).isEqualTo(orders.get(0)));
    }

    @Test
    void anEditAndAModeratorsDeletionReachEveryone() throws Exception {
        Client author = subscribed(port, member, "/topic/groups." + groupId);
        Client moderator = subscribed(secondPort, owner, "/topic/groups." + groupId);
        Chats.Posted posted = chats.post(groupId, member, "typo");
        chats.edit(groupId, posted.messageId(), "fixed");
        chats.delete(groupId, posted.messageId(), owner, true);

        for (Client client : List.of(author, moderator)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.framesOf("message.deleted").size() == 1);
            JsonNode edited = client.framesOf("message.edited").get(0);
            assertThat(edited.at("/message/body").asText()).isEqualTo("fixed");
            assertThat(edited.at("/message/seq").asLong()).isEqualTo(posted.seq());
            JsonNode deleted = client.framesOf("message.deleted").get(0);
            assertThat(deleted.at("/message/deleted").asBoolean()).isTrue();
            assertThat(deleted.at("/message/body").isNull()
                            || deleted.at("/message/body").isMissingNode())
                    .isTrue();
            assertThat(deleted.at("/message/messageId").asText())
                    .isEqualTo(posted.messageId().toString());
        }
    }

    @Test
    void aRemovedMemberStopsReceivingOnEveryNode() throws Exception {
        Client staying = subscribed(port, owner, "/topic/groups." + groupId);
        Client removedOnFirst = subscribed(port, member, "/topic/groups." + groupId);
        Client removedOnSecond = subscribed(secondPort, member, "/topic/groups." + groupId);
        chats.post(groupId, owner, "still here");
        for (Client client : List.of(staying, removedOnFirst, removedOnSecond)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.framesOf("message.posted").size() == 1);
        }

        groups.remove(groupId, member, owner);
        Chats.Posted afterwards = chats.post(groupId, owner, "not for the removed");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> staying.framesOf("message.posted").size() == 2);
        assertThat(staying.framesOf("member.left")).hasSize(1);
        Thread.sleep(1000);
        for (Client removed : List.of(removedOnFirst, removedOnSecond)) {
            assertThat(removed.framesOf("message.posted"))
                    .extracting(frame -> frame.get("seq").asLong())
                    .doesNotContain(afterwards.seq());
        }
        accounts.awaitProjected(ChatProjection.PROCESSING_GROUP, afterwards.token());
        Client resubscribing = track(StompClients.connected(secondPort, token(member)));
        resubscribing.subscribe("/topic/groups." + groupId);
        assertThat(resubscribing.awaitRefusal())
                .satisfiesAnyOf(
                        refusal -> assertThat(refusal).contains("Only members"),
                        refusal -> assertThat(refusal).isEqualTo(Client.CLOSED_WITHOUT_ERROR_FRAME));
    }

    @Test
    void aRemovedMemberWhoseLeavingFrameWasLostStopsReceivingAtTheNextCheck() throws Exception {
        Client staying = subscribed(port, owner, "/topic/groups." + groupId);
        Client removed = subscribed(port, member, "/topic/groups." + groupId);
        receiveOne(staying, removed);

        // the read model has the removal, but its member.left frame never reached this node
        Map<String, Object> seat = takeSeat(member);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !subscribedHere(member));
            Chats.Posted afterwards = chats.post(groupId, owner, "not for the removed");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> staying.framesOf("message.posted").size() == 2);
            Thread.sleep(500);
            assertThat(removed.framesOf("message.posted"))
                    .extracting(frame -> frame.get("seq").asLong())
                    .doesNotContain(afterwards.seq());
        } finally {
            giveBack(seat);
        }
    }

    @Test
    void aRosterBeingRebuiltEndsNoSubscription() throws Exception {
        Client staying = subscribed(port, owner, "/topic/groups." + groupId);
        Client rebuilt = subscribed(port, member, "/topic/groups." + groupId);
        receiveOne(staying, rebuilt);

        // as midway through a replay of the groups projection: the member's row not back yet, nor the group's position
        Map<String, Object> seat = takeSeat(member);
        Long position = jdbc.queryForObject(
                "SELECT sequence FROM projection_positions WHERE processing_group = 'groups' AND aggregate_id = ?",
                Long.class,
                groupId.toString());
        jdbc.update(
                "UPDATE projection_positions SET sequence = 0 WHERE processing_group = 'groups' AND aggregate_id = ?",
                groupId.toString());
        try {
            Thread.sleep(3 * properties.membershipCheckInterval().toMillis());
            assertThat(subscribedHere(member)).isTrue();
        } finally {
            jdbc.update(
                    "UPDATE projection_positions SET sequence = ? WHERE processing_group = 'groups' AND aggregate_id = ?",
                    position,
                    groupId.toString());
            giveBack(seat);
        }
        Chats.Posted afterwards = chats.post(groupId, owner, "still for everyone");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rebuilt.framesOf("message.posted").stream()
                        .anyMatch(frame -> frame.get("seq").asLong() == afterwards.seq()));
    }

    @Test
    void aSubscriptionMadeAfterTheCheckReadTheRosterOutlivesItsVerdict() throws Exception {
        Client before = subscribed(port, member, "/topic/groups." + groupId);
        GroupSubscriptions.Subscribed asTheCheckReadThem = subscriptions.subscribedGroupsByUser();

        // as if the member had left, the check had read the roster, and the member had joined and subscribed again
        Client after = subscribed(port, member, "/topic/groups." + groupId);
        subscriptions.endSubscriptions(groupId, member, asTheCheckReadThem);

        Chats.Posted posted = chats.post(groupId, owner, "for the member who came back");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> after.framesOf("message.posted").stream()
                        .anyMatch(frame -> frame.get("seq").asLong() == posted.seq()));
        Thread.sleep(500);
        assertThat(before.framesOf("message.posted"))
                .extracting(frame -> frame.get("seq").asLong())
                .doesNotContain(posted.seq());
    }

    private void receiveOne(Client... clients) {
        chats.post(groupId, owner, "still here");
        for (Client client : clients) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.framesOf("message.posted").size() == 1);
        }
    }

    private boolean subscribedHere(UUID user) {
        return subscriptions
                .subscribedGroupsByUser()
                .groupsByUser()
                .getOrDefault(user, Set.of())
                .contains(groupId);
    }

    /** The user's row of the group's roster, taken out of the read model (and given back after the test). */
    private Map<String, Object> takeSeat(UUID user) {
        Map<String, Object> seat =
                jdbc.queryForMap("SELECT * FROM group_members WHERE group_id = ? AND user_id = ?", groupId, user);
        jdbc.update("DELETE FROM group_members WHERE group_id = ? AND user_id = ?", groupId, user);
        return seat;
    }

    private void giveBack(Map<String, Object> seat) {
        String columns = String.join(", ", seat.keySet());
        String values = String.join(", ", Collections.nCopies(seat.size(), "?"));
        jdbc.update(
                "INSERT INTO group_members (" + columns + ") VALUES (" + values + ")",
                seat.values().toArray());
    }

    private Client subscribed(int nodePort, UUID user, String destination) throws Exception {
        Client client = track(StompClients.connected(nodePort, token(user)));
        client.subscribe(destination);
        Thread.sleep(500);
        assertThat(client.errors).isEmpty();
        return client;
    }

    private Client track(Client client) {
        clients.add(client);
        return client;
    }

    private static StreamingEventProcessor chatProcessor(EventProcessingConfiguration processing) {
        return processing
                .eventProcessor(ChatProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private static String token(UUID user) {
        return TestTokenIssuer.get().accessToken(user);
    }
}
