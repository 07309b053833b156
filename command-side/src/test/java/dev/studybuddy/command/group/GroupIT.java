package dev.studybuddy.command.group;

import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@CommandSideIT
class GroupIT {

    @LocalServerPort
    int port;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    record User(UUID id, ApiClient api) {
    }

    private User newUser(String name) {
        ApiClient client = ApiClient.on(port);
        String username = Accounts.uniqueUsername(name);
        UUID id = Accounts.register(client, username);
        return new User(id, client.withToken(Accounts.accessToken(client, username)));
    }

    private UUID createGroup(User owner, String joinPolicy, int capacity) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Calculus " + joinPolicy, "description", "Limits and series",
                "visibility", "PRIVATE", "joinPolicy", joinPolicy, "capacity", capacity));
        ApiClient.Response created = owner.api().post("/api/groups", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("groupId").asText());
    }

    private static void assertCode(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().path("code").asText()).as(response.toString()).isEqualTo(code);
    }

    @Test
    void anOpenGroupAdmitsAtOnce() {
        User owner = newUser("owner");
        User joiner = newUser("joiner");
        UUID group = createGroup(owner, "OPEN", 10);

        ApiClient.Response joined = joiner.api().post("/api/groups/" + group + "/join", null);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        assertThat(joined.json().get("outcome").asText()).isEqualTo("JOINED");
        assertCode(joiner.api().post("/api/groups/" + group + "/join", null), 409, "ALREADY_MEMBER");
        assertThat(joiner.api().post("/api/groups/" + group + "/leave", null).status()).isEqualTo(204);
        assertCode(joiner.api().post("/api/groups/" + group + "/leave", null), 403, "NOT_A_MEMBER");
    }

    @Test
    void anApprovalGroupFilesRequestsThatOnlyOwnersAndAdminsAnswer() {
        User owner = newUser("owner");
        User member = newUser("member");
        User applicant = newUser("applicant");
        UUID group = createGroup(owner, "APPROVAL", 10);
        owner.api().post("/api/groups/" + group + "/invitations", Map.of("userId", member.id().toString()));
        member.api().post("/api/groups/" + group + "/invitations/accept", null);

        ApiClient.Response requested = applicant.api().post("/api/groups/" + group + "/join", null);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        assertThat(requested.json().get("outcome").asText()).isEqualTo("REQUESTED");
        assertCode(applicant.api().post("/api/groups/" + group + "/join", null), 409, "REQUEST_ALREADY_PENDING");

        assertCode(member.api().post("/api/groups/" + group + "/join-requests/" + applicant.id() + "/approve", null), 403, "FORBIDDEN");
        assertCode(applicant.api().post("/api/groups/" + group + "/join-requests/" + applicant.id() + "/approve", null), 403, "FORBIDDEN");
        assertThat(owner.api().post("/api/groups/" + group + "/join-requests/" + applicant.id() + "/approve", null).status()).isEqualTo(204);
        assertCode(applicant.api().post("/api/groups/" + group + "/join", null), 409, "ALREADY_MEMBER");
    }

    @Test
    void anInviteOnlyGroupAdmitsOnlyTheInvitedAndNeverTheBanned() {
        User owner = newUser("owner");
        User guest = newUser("guest");
        User outsider = newUser("outsider");
        UUID group = createGroup(owner, "INVITE_ONLY", 10);

        assertCode(outsider.api().post("/api/groups/" + group + "/join", null), 403, "INVITATION_REQUIRED");
        assertThat(owner.api().post("/api/groups/" + group + "/invitations", Map.of("userId", guest.id().toString())).status()).isEqualTo(204);
        assertCode(outsider.api().post("/api/groups/" + group + "/invitations/accept", null), 404, "NOTHING_PENDING");
        assertThat(guest.api().post("/api/groups/" + group + "/invitations/accept", null).status()).isEqualTo(204);

        assertThat(owner.api().put("/api/groups/" + group + "/bans/" + outsider.id(), null).status()).isEqualTo(204);
        assertCode(owner.api().post("/api/groups/" + group + "/invitations", Map.of("userId", outsider.id().toString())), 403, "BANNED_FROM_GROUP");
        assertThat(owner.api().delete("/api/groups/" + group + "/bans/" + outsider.id()).status()).isEqualTo(204);
        assertThat(owner.api().post("/api/groups/" + group + "/invitations", Map.of("userId", outsider.id().toString())).status()).isEqualTo(204);
    }

    @Test
    void roleChangesAndRemovalsFollowTheHierarchy() {
        User owner = newUser("owner");
        User admin = newUser("admin");
        User memberA = newUser("mema");
        User memberB = newUser("memb");
        UUID group = createGroup(owner, "OPEN", 10);
        for (User user : List.of(admin, memberA, memberB)) {
            assertThat(user.api().post("/api/groups/" + group + "/join", null).status()).isEqualTo(200);
        }
        String base = "/api/groups/" + group + "/members/";

        assertCode(admin.api().put(base + admin.id() + "/role", Map.of("role", "ADMIN")), 403, "FORBIDDEN");
        assertThat(owner.api().put(base + admin.id() + "/role", Map.of("role", "ADMIN")).status()).isEqualTo(204);
        assertCode(owner.api().put(base + memberA.id() + "/role", Map.of("role", "OWNER")), 400, "VALIDATION_FAILED");

        assertCode(memberA.api().delete(base + memberB.id()), 403, "FORBIDDEN");
        assertThat(admin.api().delete(base + memberB.id()).status()).isEqualTo(204);
        assertCode(admin.api().delete(base + owner.id()), 403, "FORBIDDEN");

        assertThat(owner.api().put(base + memberA.id() + "/role", Map.of("role", "ADMIN")).status()).isEqualTo(204);
        assertCode(admin.api().delete(base + memberA.id()), 403, "FORBIDDEN");
        assertThat(owner.api().delete(base + memberA.id()).status()).isEqualTo(204);

        assertCode(owner.api().post("/api/groups/" + group + "/leave", null), 422, "RULE_VIOLATED");
        assertThat(owner.api().post("/api/groups/" + group + "/ownership", Map.of("userId", admin.id().toString())).status()).isEqualTo(204);
        assertThat(owner.api().post("/api/groups/" + group + "/leave", null).status()).isEqualTo(204);
        assertCode(memberB.api().patch("/api/groups/" + group, Map.of("name", "Hijacked")), 403, "FORBIDDEN");
    }

    @Test
    void platformModeratorsModerateAnyGroupAndArchivedGroupsRefuseChanges() {
        User owner = newUser("owner");
        User member = newUser("member");
        UUID group = createGroup(owner, "OPEN", 10);
        member.api().post("/api/groups/" + group + "/join", null);
        ApiClient admin = ApiClient.on(port).withToken(Accounts.adminToken(ApiClient.on(port)));

        assertThat(admin.delete("/api/groups/" + group + "/members/" + member.id()).status()).isEqualTo(204);
        assertThat(admin.post("/api/groups/" + group + "/archive", null).status()).isEqualTo(204);
        assertCode(member.api().post("/api/groups/" + group + "/join", null), 409, "GROUP_ARCHIVED");
        assertCode(admin.post("/api/groups/" + group + "/unarchive", null), 403, "FORBIDDEN");
        assertThat(owner.api().post("/api/groups/" + group + "/unarchive", null).status()).isEqualTo(204);
        assertThat(member.api().post("/api/groups/" + group + "/join", null).status()).isEqualTo(200);
    }

    @Test
    void concurrentJoinsForTheLastSeatAdmitExactlyOne() throws Exception {
        User owner = newUser("owner");
        int capacity = 4;
        UUID group = createGroup(owner, "OPEN", capacity);
        for (int i = 0; i < capacity - 2; i++) {
            assertThat(newUser("early").api().post("/api/groups/" + group + "/join", null).status()).isEqualTo(200);
        }
        List<User> contenders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            contenders.add(newUser("late"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(contenders.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> outcomes = new ArrayList<>();
        for (User contender : contenders) {
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
        assertThat(responses).filteredOn(response -> response.status() == 409)
                .hasSize(contenders.size() - 1)
                .allSatisfy(response -> assertThat(response.json().get("code").asText()).isEqualTo("GROUP_FULL"));
    }

    @Test
    void admittedMembersGetASeatForTheirReadPositionAndLevel() {
        User owner = newUser("owner");
        User member = newUser("reader");
        User stranger = newUser("stranger");
        UUID group = createGroup(owner, "OPEN", 10);
        member.api().post("/api/groups/" + group + "/join", null);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(member.api().post("/api/groups/" + group + "/read", Map.of("seq", 3)).status()).isEqualTo(204));
        assertThat(member.api().put("/api/groups/" + group + "/notification-level", Map.of("level", "MENTIONS")).status()).isEqualTo(204);
        assertThat(member.api().post("/api/groups/" + group + "/read", Map.of("seq", -1)).status()).isEqualTo(400);
        assertCode(stranger.api().post("/api/groups/" + group + "/read", Map.of("seq", 1)), 404, "NOT_FOUND");

        member.api().post("/api/groups/" + group + "/leave", null);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertCode(member.api().post("/api/groups/" + group + "/read", Map.of("seq", 9)), 403, "NOT_A_MEMBER"));
    }

    @Test
    void invalidGroupsAreRefused() {
        User owner = newUser("owner");
        assertCode(owner.api().post("/api/groups", Map.of("name", "ab")), 400, "VALIDATION_FAILED");
        assertCode(owner.api().post("/api/groups", Map.of("name", "Physics", "capacity", 1)), 400, "VALIDATION_FAILED");
        assertCode(owner.api().post("/api/groups", Map.of("name", "Physics", "capacity", 1001)), 400, "VALIDATION_FAILED");
        assertCode(owner.api().post("/api/groups", Map.of("name", "Physics", "joinPolicy", "WHENEVER")), 400, "MALFORMED_REQUEST");
        assertCode(owner.api().post("/api/groups/" + UUID.randomUUID() + "/join", null), 404, "NOT_FOUND");
        assertThat(jdbc).isNotNull();
    }
}
