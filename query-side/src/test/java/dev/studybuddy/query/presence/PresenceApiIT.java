package dev.studybuddy.query.presence;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.query.realtime.LiveUpdate;
import dev.studybuddy.query.realtime.RedisChannels;
import dev.studybuddy.query.support.Friendships;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.SecondNode;
import dev.studybuddy.query.support.StompClients;
import dev.studybuddy.query.support.StompClients.Client;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Presence over real HTTP and STOMP on two query-side nodes (docs/api.md "Presence"): a user connected to one
 * node is seen online from the other, goes away after {@code away-after} without activity (shortened to
 * {@link QuerySideIT#AWAY_AFTER_MILLIS} here), and offline when the last session ends; friends hear each change on
 * {@code /user/queue/presence} whichever node they are on; strangers learn nothing, and a hidden user reads offline.
 */
@QuerySideIT
class PresenceApiIT {

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);
    private static final String LAST_ACTIVE = "studybuddy:last-active:";

    private static SecondNode secondNode;
    private static int secondPort;

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Friendships friendships;

    @Autowired
    Groups groups;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    PresenceBoard board;

    final List<Client> clients = new ArrayList<>();
    UUID me;
    UUID friend;
    UUID groupmate;
    UUID stranger;
    UUID blocker;

    @BeforeEach
    void friendsAndAGroup() {
        if (secondNode == null) {
            secondNode = SecondNode.start(environment, processing, "presence-second-node");
            secondPort = secondNode.port();
        }
        me = UUID.randomUUID();
        friend = UUID.randomUUID();
        groupmate = UUID.randomUUID();
        stranger = UUID.randomUUID();
        blocker = UUID.randomUUID();
        friendships.request(me, friend);
        accounts.awaitProjected("friendships", friendships.accept(me, friend));
        UUID groupId = groups.create(me, "Presence " + UUID.randomUUID(), GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10)
                .groupId();
        groups.join(groupId, groupmate);
        accounts.awaitProjected("groups", groups.join(groupId, blocker));
        accounts.awaitProjected("friendships", friendships.block(blocker, me, false, null));
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
    void friendsAndFellowMembersAreAnsweredFromEveryNodeAndOthersLeftOut() throws Exception {
        connected(secondPort, friend);
        connected(port, stranger);
        connected(secondPort, blocker);

        await().atMost(SOON)
                .until(() -> !statusOf(presence(port, me, friend), friend).equals("offline"));
        JsonNode items = presence(port, me, friend, groupmate, stranger, blocker, me);
        assertThat(ids(items))
                .as("the stranger and the one who blocks are left out")
                .containsExactly(friend.toString(), groupmate.toString(), me.toString());
        assertThat(statusOf(items, groupmate)).isEqualTo("offline");
        assertThat(statusOf(items, me)).isEqualTo("offline");
        Instant lastSeen = Instant.parse(find(items, friend).get("lastSeenAt").asText());
        assertThat(lastSeen)
                .isBetween(Instant.now().minusSeconds(30), Instant.now().plusSeconds(5));
        assertThat(ids(presence(secondPort, stranger, stranger, friend, me)))
                .as("nobody's stranger")
                .containsExactly(stranger.toString());
    }

    @Test
    void aFriendOnTheOtherNodeHearsOnlineAwayOnlineAndOffline() throws Exception {
        Client listening = connected(port, me).subscribe("/user/queue/presence");
        awaitSubscribed(listening);

        Client theFriend = connected(secondPort, friend);
        await().atMost(SOON).until(() -> statuses(listening, friend).contains("online"));
        assertThat(statusOf(presence(port, me, friend), friend)).isEqualTo("online");

        await().atMost(SOON).until(() -> statuses(listening, friend).equals(List.of("online", "away")));
        assertThat(statusOf(presence(secondPort, me, friend), friend)).isEqualTo("away");

        assertThat(theFriend.errors).isEmpty();
        theFriend.send("/app/presence.active", EMPTY);
        await().atMost(SOON).until(() -> statuses(listening, friend).equals(List.of("online", "away", "online")));

        theFriend.close();
        await().atMost(SOON)
                .until(() -> statuses(listening, friend).equals(List.of("online", "away", "online", "offline")));
        JsonNode offline = framesAbout(listening, friend).get(3);
        assertThat(offline.get("lastSeenAt").isNull()).isFalse();
        assertThat(offline.has("to")).as("recipients stay between the nodes").isFalse();
        assertThat(statusOf(presence(port, me, friend), friend)).isEqualTo("offline");
        assertThat(redis.opsForZSet().score(PresenceBoard.LAPSES, friend.toString()))
                .as("no node holds the friend: nothing left for a sweep to announce")
                .isNull();
        assertThat(listening.errors).isEmpty();
    }

    /**
     * The friend idles in a tab on the second node, comes back on the first, and closes the first: the second node,
     * which had seen them go away once, must see it again, or their friends would read online for good.
     */
    @Test
    void aFriendWhoLeavesTheNodeTheyWereActiveOnGoesAwayOnTheOther() throws Exception {
        Client listening = connected(port, me).subscribe("/user/queue/presence");
        awaitSubscribed(listening);
        connected(secondPort, friend);
        await().atMost(SOON).until(() -> statuses(listening, friend).equals(List.of("online", "away")));

        Client active = connected(port, friend);
        await().atMost(SOON).until(() -> statuses(listening, friend).equals(List.of("online", "away", "online")));
        active.close();

        await().atMost(SOON)
                .until(() -> statuses(listening, friend).equals(List.of("online", "away", "online", "away")));
        assertThat(statusOf(presence(port, me, friend), friend)).isEqualTo("away");
    }

    /**
     * A node that crashed renews nothing: once its users' entries lapse, other nodes tell their friends, a few users per
     * refresh (two in these tests: {@link #oneSweepTakesAtMostLapsedPerRefreshUsers}) until all are told.
     */
    @Test
    void theUsersOfANodeThatCrashedAreAnnouncedOfflineOnceItsEntriesLapse() throws Exception {
        List<UUID> crashedUsers = List.of(friend, aFriendOfMine(), aFriendOfMine());
        Client listening = connected(secondPort, me).subscribe("/user/queue/presence");
        awaitSubscribed(listening);
        long lapsesAt = Instant.now().plusSeconds(4).toEpochMilli();
        for (UUID user : crashedUsers) {
            redis.opsForZSet().add(PresenceBoard.ONLINE + user, "a node that crashed", lapsesAt);
            redis.opsForZSet().add(PresenceBoard.LAPSES, user.toString(), lapsesAt);
            redis.opsForValue().set(PresenceBoard.SHOWN + user, PresenceStatus.ONLINE.name());
        }
        assertThat(statusOf(presence(port, me, friend), friend)).isEqualTo("away");

        for (UUID user : crashedUsers) {
            await().atMost(SOON).until(() -> statuses(listening, user).equals(List.of("offline")));
            assertThat(statusOf(presence(port, me, user), user)).isEqualTo("offline");
            assertThat(redis.opsForZSet().score(PresenceBoard.LAPSES, user.toString()))
                    .as("taken off the lapses once announced")
                    .isNull();
        }
    }

    /**
     * A node that renews its user's entry too late, after another node took the user for gone and told their friends
     * {@code offline}, finds the user back on the lapses as new, and tells the friends what is true again: at its next
     * refresh, though the user neither acts nor has been idle for {@code away-after} (those would correct it too, the
     * second with {@code away}, not {@code online}).
     */
    @Test
    void aUserTakenForGoneWhileTheirNodeWasLateIsAnnouncedAgain() throws Exception {
        Client listening = connected(port, me).subscribe("/user/queue/presence");
        awaitSubscribed(listening);
        connected(secondPort, friend);
        // the connection's own announcement is done once its frame is here: nothing else corrects what follows
        await().atMost(SOON).until(() -> statuses(listening, friend).contains("online"));
        int before = framesAbout(listening, friend).size();

        // active for a while to come, as Redis tells it (nothing is announced for it): whichever look comes first,
        // this node's re-look or, on a slow machine, its look at an idle user, finds the friend online
        redis.opsForValue()
                .set(
                        LAST_ACTIVE + friend,
                        Long.toString(Instant.now().plusSeconds(30).toEpochMilli()));
        // what another node's sweep leaves when it took the late node's entry for lapsed (its frame left aside); what
        // was shown first, so that a refresh in between cannot find the friend shown as they are and let it be
        redis.opsForValue().set(PresenceBoard.SHOWN + friend, PresenceStatus.OFFLINE.name());
        redis.opsForZSet().remove(PresenceBoard.LAPSES, friend.toString());

        await().atMost(SOON).until(() -> framesAbout(listening, friend).size() > before);
        assertThat(lastStatus(listening, friend)).isEqualTo("online");
        assertThat(redis.opsForZSet().score(PresenceBoard.LAPSES, friend.toString()))
                .as("back on the lapses")
                .isNotNull();
    }

    /**
     * One sweep takes at most {@code lapsed-per-refresh} users (two in these tests). The users lapse an hour from now,
     * so that no node's own sweep takes them meanwhile; asked for those lapsed within two hours, the board may give
     * users of other tests' closed sessions first, which is no matter here. It takes them off the local Redis's
     * lapses for good, live ones too: two checkouts' tests at once on one Redis could see a crashed node's user go
     * unannounced.
     */
    @Test
    void oneSweepTakesAtMostLapsedPerRefreshUsers() {
        Instant inAnHour = Instant.now().plus(Duration.ofHours(1));
        List<UUID> lapsing =
                IntStream.range(0, 3).mapToObj(i -> UUID.randomUUID()).toList();
        lapsing.forEach(user -> redis.opsForZSet().add(PresenceBoard.LAPSES, user.toString(), inAnHour.toEpochMilli()));

        Instant inTwoHours = inAnHour.plus(Duration.ofHours(1));
        List<UUID> taken = new ArrayList<>();
        for (int sweep = 0; sweep < 100 && !taken.containsAll(lapsing); sweep++) {
            List<UUID> once = board.takeLapsedBy(inTwoHours);
            assertThat(once).hasSizeLessThanOrEqualTo(2);
            assertThat(Collections.disjoint(taken, once)).as("each taken once").isTrue();
            taken.addAll(once);
        }
        assertThat(taken).containsAll(lapsing);
        lapsing.forEach(user -> assertThat(redis.opsForZSet().score(PresenceBoard.LAPSES, user.toString()))
                .isNull());
    }

    private UUID aFriendOfMine() {
        UUID other = UUID.randomUUID();
        friendships.request(me, other);
        accounts.awaitProjected("friendships", friendships.accept(me, other));
        return other;
    }

    @Test
    void aUserWhoHidesReadsOfflineToOthersAndTheirFriendsAreTold() throws Exception {
        Client listening = connected(secondPort, me).subscribe("/user/queue/presence");
        awaitSubscribed(listening);
        connected(port, friend);
        await().atMost(SOON).until(() -> statuses(listening, friend).contains("online"));

        assertThat(api(port, friend)
                        .put("/api/users/me/presence", Map.of("visible", false))
                        .status())
                .isEqualTo(204);

        await().atMost(SOON).until(() -> lastStatus(listening, friend).equals("offline"));
        assertThat(last(listening, friend).get("lastSeenAt").isNull()).isTrue();
        JsonNode seen = find(presence(port, me, friend), friend);
        assertThat(seen.get("status").asText()).isEqualTo("offline");
        assertThat(seen.get("lastSeenAt").isNull()).isTrue();
        assertThat(statusOf(presence(port, friend, friend), friend))
                .as("they still see themselves (away, if slow)")
                .isIn("online", "away");

        assertThat(api(secondPort, friend)
                        .put("/api/users/me/presence", Map.of("visible", true))
                        .status())
                .isEqualTo(204);
        await().atMost(SOON).until(() -> !lastStatus(listening, friend).equals("offline"));
        assertThat(statusOf(presence(port, me, friend), friend)).isEqualTo(lastStatus(listening, friend));
    }

    @Test
    void badInputIsRefusedWithAProblem() {
        String tooMany = IntStream.rangeClosed(0, 100)
                .mapToObj(i -> UUID.randomUUID().toString())
                .collect(Collectors.joining(","));
        assertProblem(api(port, me).get("/api/presence?userIds=" + tooMany), 400, "VALIDATION_FAILED");
        String enough = IntStream.range(0, 100)
                .mapToObj(i -> UUID.randomUUID().toString())
                .collect(Collectors.joining(","));
        assertThat(api(port, me).get("/api/presence?userIds=" + enough).json().get("items"))
                .isEmpty();
        assertProblem(api(port, me).get("/api/presence?userIds=" + friend + ",not-a-uuid"), 400, "MALFORMED_REQUEST");
        assertProblem(api(port, me).get("/api/presence?userIds=1-1-1-1-1"), 400, "MALFORMED_REQUEST");
        assertProblem(api(port, me).get("/api/presence?userIds=" + friend + ","), 400, "MALFORMED_REQUEST");
        assertThat(api(port, me).get("/api/presence").status()).isEqualTo(400);
        assertProblem(api(port, me).put("/api/users/me/presence", Map.of()), 400, "VALIDATION_FAILED");
        assertProblem(api(port, me).put("/api/users/me/presence", "{\"visible\": false} {}"), 400, "MALFORMED_REQUEST");
        assertProblem(api(port, me).put("/api/users/me/presence", "{\"visible\": 0}"), 400, "MALFORMED_REQUEST");
        assertProblem(
                api(port, me).put("/api/users/me/presence", "{\"visible\": \"false\"}"), 400, "MALFORMED_REQUEST");
        assertProblem(ApiClient.on(port).get("/api/presence?userIds=" + friend), 401, "UNAUTHENTICATED");
    }

    @Test
    void theOpenApiDescriptionDescribesPresence() {
        JsonNode paths = ApiClient.on(port).get("/v3/api-docs").json().path("paths");

        assertThat(paths.path("/api/presence").path("get").path("summary").asText())
                .contains("Online status");
        assertThat(paths.path("/api/users/me/presence")
                        .path("put")
                        .path("summary")
                        .asText())
                .contains("Hide or show");
    }

    private void awaitSubscribed(Client client) {
        client.awaitFanOut(redis, RedisChannels.PRESENCE, "{\"type\":\"probe\",\"to\":[\"" + me + "\"]}", SOON);
    }

    private List<JsonNode> framesAbout(Client client, UUID user) {
        return client.framesOf(LiveUpdate.typeOf(LiveUpdate.PresenceChanged.class)).stream()
                .filter(frame -> frame.get("userId").asText().equals(user.toString()))
                .toList();
    }

    private JsonNode last(Client client, UUID user) {
        List<JsonNode> frames = framesAbout(client, user);
        return frames.get(frames.size() - 1);
    }

    private String lastStatus(Client client, UUID user) {
        List<JsonNode> frames = framesAbout(client, user);
        return frames.isEmpty()
                ? ""
                : frames.get(frames.size() - 1).get("status").asText();
    }

    private List<String> statuses(Client client, UUID user) {
        return framesAbout(client, user).stream()
                .map(frame -> frame.get("status").asText())
                .toList();
    }

    private JsonNode presence(int onPort, UUID viewer, UUID... users) {
        String ids = java.util.Arrays.stream(users).map(UUID::toString).collect(Collectors.joining(","));
        ApiClient.Response response = api(onPort, viewer).get("/api/presence?userIds=" + ids);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("items");
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("userId").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode items, UUID user) {
        for (JsonNode item : items) {
            if (item.get("userId").asText().equals(user.toString())) {
                return item;
            }
        }
        throw new AssertionError(user + " not in " + items);
    }

    private static String statusOf(JsonNode items, UUID user) {
        return find(items, user).get("status").asText();
    }

    private static ApiClient api(int onPort, UUID user) {
        return ApiClient.on(onPort).withToken(TestTokenIssuer.get().accessToken(user));
    }

    private Client connected(int onPort, UUID user) throws Exception {
        Client client = StompClients.connected(onPort, TestTokenIssuer.get().accessToken(user));
        clients.add(client);
        return client;
    }
}
