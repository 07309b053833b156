package dev.studybuddy.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.query.support.Friendships;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.ReplayGate;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * POST /api/admin/projections/{name}/replay rebuilds each projection to exactly the rows it had, and
 * while the replay runs (held by the ReplayGate) its endpoints say {@code X-Consistency: rebuilding}.
 */
@QuerySideIT
class ProjectionReplayIT {

    private static final String USERS = "users";
    private static final String FRIENDSHIPS = "friendships";
    private static final String GROUPS = "groups";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Friendships friendships;

    @Autowired
    Groups groups;

    @Autowired
    ReplayGate gate;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    static Stream<Arguments> projections() {
        return Stream.of(
                Arguments.of(USERS, "/api/users/me", List.of("users")),
                Arguments.of(FRIENDSHIPS, "/api/friends", List.of("friend_requests", "friends", "blocks")),
                Arguments.of(
                        GROUPS,
                        "/api/groups",
                        List.of("groups", "group_members", "group_bans", "group_join_requests", "group_invitations")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projections")
    void aReplayRebuildsTheSameRowsAndReadsMeanwhileSayRebuilding(
            String name, String servedEndpoint, List<String> tables) {
        UUID me = someOfEverything();
        ApiClient admin = ApiClient.on(port).withToken(accounts.tokenOfNew("USER", "ADMIN"));
        ApiClient user = ApiClient.on(port).withToken(TestTokenIssuer.get().accessToken(me, "USER"));
        StreamingEventProcessor processor =
                processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> caughtUp(processor));
        Map<String, String> before = checksums(name, tables);
        assertThat(user.get(servedEndpoint).header("X-Consistency")).isEmpty();

        gate.close();
        try {
            ApiClient.Response accepted = admin.post("/api/admin/projections/" + name + "/replay", null);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(processor.isReplaying()).isTrue();
                assertThat(user.get(servedEndpoint).header("X-Consistency")).contains("rebuilding");
                JsonNode status = status(admin, name);
                assertThat(status.get("replaying").asBoolean()).isTrue();
                assertThat(status.get("rebuilding").asBoolean()).isTrue();
                assertThat(status.get("lastReplay").get("state").asText()).isEqualTo("DONE");
                JsonNode replayingSegment = StreamSupport.stream(
                                status.get("segments").spliterator(), false)
                        .filter(segment -> segment.get("replaying").asBoolean())
                        .findFirst()
                        .orElseThrow();
                assertThat(replayingSegment.get("replayProgress").isNumber())
                        .as(replayingSegment.toString())
                        .isTrue();
                assertThat(replayingSegment.get("replayProgress").asDouble()).isBetween(0.0, 1.0);
            });
            // still held: the read model is not complete yet
            assertThat(user.get(servedEndpoint).header("X-Consistency")).contains("rebuilding");
        } finally {
            gate.open();
        }

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    assertThat(checksums(name, tables)).isEqualTo(before);
                    assertThat(user.get(servedEndpoint).header("X-Consistency")).isEmpty();
                });
        JsonNode status = status(admin, name);
        assertThat(status.get("running").asBoolean()).isTrue();
        assertThat(status.get("replaying").asBoolean()).isFalse();
        assertThat(status.get("segments").size()).isPositive();
        assertThat(status.get("lag").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(status.get("lagEstimated").asBoolean())
                .as("a lag this small is counted")
                .isFalse();
        assertThat(status.get("segments"))
                .allSatisfy(
                        segment -> assertThat(segment.get("behindHeadEstimated").asBoolean())
                                .as(segment.toString())
                                .isFalse());
    }

    @Test
    void anUnknownProjectionIsNotFound() {
        ApiClient admin = ApiClient.on(port).withToken(accounts.tokenOfNew("USER", "ADMIN"));
        assertThat(admin.post("/api/admin/projections/nonesuch/replay", null).status())
                .isEqualTo(404);
    }

    /** Users, a friendship, a group with members: something in every table of every projection. */
    private UUID someOfEverything() {
        UUID me = accounts.register(UserAccounts.uniqueUsername("replayme"), "Replay Me")
                .userId();
        UUID friend = accounts.register(UserAccounts.uniqueUsername("replayfriend"), "Replay Friend")
                .userId();
        UUID blocked = accounts.register(UserAccounts.uniqueUsername("replayblocked"), "Replay Blocked")
                .userId();
        UUID asker = accounts.register(UserAccounts.uniqueUsername("replayasker"), "Replay Asker")
                .userId();
        friendships.request(me, friend);
        friendships.accept(me, friend);
        friendships.request(asker, me);
        UUID group = groups.create(me, "Replayed " + UUID.randomUUID(), GroupVisibility.PUBLIC, JoinPolicy.APPROVAL, 10)
                .groupId();
        groups.requestToJoin(group, friend);
        groups.approve(group, friend, me);
        groups.requestToJoin(group, asker);
        groups.invite(group, blocked, me);
        // More than a batch of each projection's events on one aggregate (so in one segment): the gate lets a
        // segment's first batch through, and a replay that fits in it is over (nothing stored after its position)
        // before the test can look at it.
        for (int change = 0; change <= ReplayGate.PROCESSOR_BATCH_SIZE; change++) {
            accounts.changeProfile(me, "Replay Me", "bio " + change);
        }
        for (int pair = 0; pair <= ReplayGate.PROCESSOR_BATCH_SIZE / 2; pair++) {
            friendships.block(me, blocked, false, null);
            friendships.unblock(me, blocked);
            UUID banned = UUID.randomUUID();
            groups.ban(group, banned, me, false);
            groups.unban(group, banned, me);
        }
        accounts.awaitProjected(USERS, accounts.changeProfile(me, "Replay Me", "bio"));
        accounts.awaitProjected(FRIENDSHIPS, friendships.block(me, blocked, false, null));
        accounts.awaitProjected(GROUPS, groups.ban(group, UUID.randomUUID(), me, false));
        return me;
    }

    private Map<String, String> checksums(String processingGroup, List<String> tables) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : tables) {
            sums.put(
                    table,
                    jdbc.queryForObject(
                            "SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                                    + " FROM " + table + " t",
                            String.class));
        }
        sums.put(
                "projection_positions",
                jdbc.queryForObject(
                        "SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                                + " FROM projection_positions t WHERE processing_group = ?",
                        String.class,
                        processingGroup));
        return sums;
    }

    private static JsonNode status(ApiClient admin, String name) {
        ApiClient.Response response = admin.get("/api/admin/projections");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode item : response.json().get("items")) {
            if (item.get("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no status of " + name + " in " + response);
    }

    private static boolean caughtUp(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return !status.isEmpty()
                && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp)
                && Optional.of(processor.isReplaying())
                        .filter(replaying -> !replaying)
                        .isPresent();
    }
}
