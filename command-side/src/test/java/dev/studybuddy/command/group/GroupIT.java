package dev.studybuddy.command.group;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.membership.MembershipId;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.Groups;
import dev.studybuddy.testing.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@CommandSideIT
class GroupIT {

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private SignedInUser newUser(String name) {
        return Accounts.signedIn(port, name);
    }

    private UUID createGroup(SignedInUser owner, String joinPolicy, int capacity) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "name",
                "Calculus " + joinPolicy,
                "description",
                "Limits and series",
                "visibility",
                "PRIVATE",
                "joinPolicy",
                joinPolicy,
                "capacity",
                capacity));
        return Groups.created(owner, body);
    }

    @Test
    void anOpenGroupAdmitsAtOnce() {
        SignedInUser owner = newUser("owner");
        SignedInUser joiner = newUser("joiner");
        UUID group = createGroup(owner, "OPEN", 10);

        ApiClient.Response joined = joiner.api().post("/api/groups/" + group + "/join", null);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.json().get("outcome").asText()).isEqualTo("JOINED");
        assertProblem(joiner.api().post("/api/groups/" + group + "/join", null), 409, "ALREADY_MEMBER");
        assertThat(joiner.api().post("/api/groups/" + group + "/leave", null).status())
                .isEqualTo(204);
        assertProblem(joiner.api().post("/api/groups/" + group + "/leave", null), 403, "NOT_A_MEMBER");
    }

    @Test
    void anApprovalGroupFilesRequestsThatOnlyOwnersAndAdminsAnswer() {
        SignedInUser owner = newUser("owner");
        SignedInUser member = newUser("member");
        SignedInUser applicant = newUser("applicant");
        UUID group = createGroup(owner, "APPROVAL", 10);
        owner.api()
                .post(
                        "/api/groups/" + group + "/invitations",
                        Map.of("userId", member.id().toString()));
        member.api().post("/api/groups/" + group + "/invitations/accept", null);

        ApiClient.Response requested = applicant.api().post("/api/groups/" + group + "/join", null);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        assertThat(requested.json().get("outcome").asText()).isEqualTo("REQUESTED");
        assertProblem(applicant.api().post("/api/groups/" + group + "/join", null), 409, "REQUEST_ALREADY_PENDING");

        assertProblem(
                member.api().post("/api/groups/" + group + "/join-requests/" + applicant.id() + "/approve", null),
                403,
                "FORBIDDEN");
        assertProblem(
                applicant.api().post("/api/groups/" + group + "/join-requests/" + applicant.id() + "/approve", null),
                403,
                "FORBIDDEN");
        assertThat(owner.api()
                        .post("/api/groups/" + group + "/join-requests/" + applicant.id() + "/approve", null)
                        .status())
                .isEqualTo(204);
        assertProblem(applicant.api().post("/api/groups/" + group + "/join", null), 409, "ALREADY_MEMBER");
    }

    @Test
    void anInviteOnlyGroupAdmitsOnlyTheInvitedAndNeverTheBanned() {
        SignedInUser owner = newUser("owner");
        SignedInUser guest = newUser("guest");
        SignedInUser outsider = newUser("outsider");
        UUID group = createGroup(owner, "INVITE_ONLY", 10);

        assertProblem(outsider.api().post("/api/groups/" + group + "/join", null), 403, "INVITATION_REQUIRED");
        assertThat(owner.api()
                        .post(
                                "/api/groups/" + group + "/invitations",
                                Map.of("userId", guest.id().toString()))
                        .status())
                .isEqualTo(204);
        assertProblem(
                outsider.api().post("/api/groups/" + group + "/invitations/accept", null), 404, "NOTHING_PENDING");
        assertThat(guest.api()
                        .post("/api/groups/" + group + "/invitations/accept", null)
                        .status())
                .isEqualTo(204);

        assertThat(owner.api()
                        .put("/api/groups/" + group + "/bans/" + outsider.id(), null)
                        .status())
                .isEqualTo(204);
        assertProblem(
                owner.api()
                        .post(
                                "/api/groups/" + group + "/invitations",
                                Map.of("userId", outsider.id().toString())),
                403,
                "BANNED_FROM_GROUP");
        assertThat(owner.api()
                        .delete("/api/groups/" + group + "/bans/" + outsider.id())
                        .status())
                .isEqualTo(204);
        assertThat(owner.api()
                        .post(
                                "/api/groups/" + group + "/invitations",
                                Map.of("userId", outsider.id().toString()))
                        .status())
                .isEqualTo(204);
    }

    @Test
    void roleChangesAndRemovalsFollowTheHierarchy() {
        SignedInUser owner = newUser("owner");
        SignedInUser admin = newUser("admin");
        SignedInUser memberA = newUser("mema");
        SignedInUser memberB = newUser("memb");
        UUID group = createGroup(owner, "OPEN", 10);
        for (SignedInUser user : List.of(admin, memberA, memberB)) {
            assertThat(user.api().post("/api/groups/" + group + "/join", null).status())
                    .isEqualTo(200);
        }
        String base = "/api/groups/" + group + "/members/";

        assertProblem(admin.api().put(base + admin.id() + "/role", Map.of("role", "ADMIN")), 403, "FORBIDDEN");
        assertThat(owner.api()
                        .put(base + admin.id() + "/role", Map.of("role", "ADMIN"))
                        .status())
                .isEqualTo(204);
        assertProblem(
                owner.api().put(base + memberA.id() + "/role", Map.of("role", "OWNER")), 400, "VALIDATION_FAILED");

        assertProblem(memberA.api().delete(base + memberB.id()), 403, "FORBIDDEN");
        assertThat(admin.api().delete(base + memberB.id()).status()).isEqualTo(204);
        assertProblem(admin.api().delete(base + owner.id()), 403, "FORBIDDEN");

        assertThat(owner.api()
                        .put(base + memberA.id() + "/role", Map.of("role", "ADMIN"))
                        .status())
                .isEqualTo(204);
        assertProblem(admin.api().delete(base + memberA.id()), 403, "FORBIDDEN");
        assertThat(owner.api().delete(base + memberA.id()).status()).isEqualTo(204);

        assertProblem(owner.api().post("/api/groups/" + group + "/leave", null), 422, "RULE_VIOLATED");
        assertThat(owner.api()
                        .post(
                                "/api/groups/" + group + "/ownership",
                                Map.of("userId", admin.id().toString()))
                        .status())
                .isEqualTo(204);
        assertThat(owner.api().post("/api/groups/" + group + "/leave", null).status())
                .isEqualTo(204);
        assertProblem(memberB.api().patch("/api/groups/" + group, Map.of("name", "Hijacked")), 403, "FORBIDDEN");
    }

    @Test
    void platformModeratorsModerateAnyGroupAndArchivedGroupsRefuseChanges() {
        SignedInUser owner = newUser("owner");
        SignedInUser member = newUser("member");
        UUID group = createGroup(owner, "OPEN", 10);
        member.api().post("/api/groups/" + group + "/join", null);
        ApiClient admin = ApiClient.on(port).withToken(Accounts.adminToken(ApiClient.on(port)));

        assertThat(admin.delete("/api/groups/" + group + "/members/" + member.id())
                        .status())
                .isEqualTo(204);
        assertThat(admin.post("/api/groups/" + group + "/archive", null).status())
                .isEqualTo(204);
        assertProblem(member.api().post("/api/groups/" + group + "/join", null), 409, "GROUP_ARCHIVED");
        assertProblem(admin.post("/api/groups/" + group + "/unarchive", null), 403, "FORBIDDEN");
        assertThat(owner.api().post("/api/groups/" + group + "/unarchive", null).status())
                .isEqualTo(204);
        assertThat(member.api().post("/api/groups/" + group + "/join", null).status())
                .isEqualTo(200);
    }

    @Test
    void concurrentJoinsForTheLastSeatAdmitExactlyOne() throws Exception {
        SignedInUser owner = newUser("owner");
        int capacity = 4;
        UUID group = createGroup(owner, "OPEN", capacity);
        for (int i = 0; i < capacity - 2; i++) {
            assertThat(newUser("early")
                            .api()
                            .post("/api/groups/" + group + "/join", null)
                            .status())
                    .isEqualTo(200);
        }
        List<SignedInUser> contenders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            contenders.add(newUser("late"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(contenders.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> outcomes = new ArrayList<>();
        for (SignedInUser contender : contenders) {
            Callable<ApiClient.Response> join = () -> {
                start.await();
                return contender.api().post("/api/groups/" + group + "/join", null);
            };
            outcomes.add(pool.submit(join));
        }
        start.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (Future<ApiClient.Response> outcome : outcomes) {
            responses.add(outcome.get());
        }
        pool.shutdown();

        assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(1);
        assertThat(responses)
                .filteredOn(response -> response.status() == 409)
                .hasSize(contenders.size() - 1)
                .allSatisfy(response ->
                        assertThat(response.json().get("code").asText()).isEqualTo("GROUP_FULL"));
    }

    @Test
    void admittedMembersGetASeatForTheirReadPositionAndLevel() {
        SignedInUser owner = newUser("owner");
        SignedInUser member = newUser("reader");
        SignedInUser stranger = newUser("stranger");
        UUID group = createGroup(owner, "OPEN", 10);
        member.api().post("/api/groups/" + group + "/join", null);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(member.api()
                                .post("/api/groups/" + group + "/read", Map.of("seq", 3))
                                .status())
                        .isEqualTo(204));
        assertThat(member.api()
                        .put("/api/groups/" + group + "/notification-level", Map.of("level", "MENTIONS"))
                        .status())
                .isEqualTo(204);
        assertThat(member.api()
                        .post("/api/groups/" + group + "/read", Map.of("seq", -1))
                        .status())
                .isEqualTo(400);
        assertProblem(stranger.api().post("/api/groups/" + group + "/read", Map.of("seq", 1)), 404, "NOT_FOUND");

        member.api().post("/api/groups/" + group + "/leave", null);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertProblem(
                        member.api().post("/api/groups/" + group + "/read", Map.of("seq", 9)), 403, "NOT_A_MEMBER"));
    }

    @Test
    void aReadPositionNeverPassesTheGroupsNewestMessage() {
        SignedInUser owner = newUser("owner");
        SignedInUser member = newUser("reader");
        UUID group = createGroup(owner, "OPEN", 10);
        member.api().post("/api/groups/" + group + "/join", null);
        long newest = owner.api()
                .post("/api/groups/" + group + "/messages", Map.of("body", "the newest"))
                .json()
                .get("seq")
                .asLong();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(member.api()
                                .post("/api/groups/" + group + "/read", Map.of("seq", 1_000_000))
                                .status())
                        .isEqualTo(204));

        ApiClient admin = ApiClient.on(port).withToken(Accounts.adminToken(ApiClient.on(port)));
        JsonNode events = admin.get(
                        "/api/audit/aggregates/Membership/" + MembershipId.of(group, member.id()) + "/events")
                .json()
                .get("items");
        assertThat(events.findValues("payload").stream()
                        .filter(payload -> payload.has("seq"))
                        .map(payload -> payload.get("seq").asLong()))
                .containsExactly(newest);
    }

    @Test
    void invalidGroupsAreRefused() {
        SignedInUser owner = newUser("owner");
        assertProblem(owner.api().post("/api/groups", Map.of("name", "ab")), 400, "VALIDATION_FAILED");
        assertProblem(
                owner.api().post("/api/groups", Map.of("name", "Physics", "capacity", 1)), 400, "VALIDATION_FAILED");
        assertProblem(
                owner.api().post("/api/groups", Map.of("name", "Physics", "capacity", 1001)), 400, "VALIDATION_FAILED");
        assertProblem(
                owner.api().post("/api/groups", Map.of("name", "Physics", "joinPolicy", "WHENEVER")),
                400,
                "MALFORMED_REQUEST");
        assertProblem(owner.api().post("/api/groups/" + UUID.randomUUID() + "/join", null), 404, "NOT_FOUND");
        assertThat(jdbc).isNotNull();
    }
}
