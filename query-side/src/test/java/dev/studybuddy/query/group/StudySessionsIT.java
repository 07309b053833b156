package dev.studybuddy.query.group;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Study sessions and lapsed invitations, as the groups read model shows them. */
@QuerySideIT
class StudySessionsIT {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Groups groups;

    private final String stem = "ss" + Long.toString(System.nanoTime() % 1_000_000, 36);

    @Test
    void membersSeeUpcomingSessionsAndOthersDoNot() {
        UUID owner = register("owner");
        UUID member = register("member");
        UUID outsider = register("outsider");
        Groups.Created group = groups.create(owner, stem + " Sessions", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10);
        applied(group.token());
        applied(groups.join(group.groupId(), member));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        applied(groups.write(
                group.groupId(),
                GroupDecisions.scheduleSession(group.groupId(), first, member, "Proofs", tomorrow, 60),
                GroupDecisions.scheduleSession(group.groupId(), second, owner, "Exam", tomorrow.plusSeconds(3600), 90),
                GroupDecisions.rescheduleSession(
                        group.groupId(), first, member, "Proofs, part 2", tomorrow.minusSeconds(600), 45),
                GroupDecisions.cancelSession(group.groupId(), second, owner)));

        JsonNode upcoming = ok(as(member).get("/api/groups/" + group.groupId() + "/sessions"));
        assertThat(titles(upcoming)).containsExactly("Proofs, part 2");
        assertThat(upcoming.get("items").get(0).get("durationMinutes").asInt()).isEqualTo(45);
        assertThat(titles(ok(as(owner).get("/api/groups/" + group.groupId() + "/sessions?all=true"))))
                .containsExactly("Proofs, part 2", "Exam");

        assertProblem(as(outsider).get("/api/groups/" + group.groupId() + "/sessions"), 403, "NOT_A_MEMBER");
        // a platform moderator's token is checked against the account's current roles
        UUID moderator = accounts.register(stem + "_moderator", "MODERATOR", PlatformRole.USER, PlatformRole.MODERATOR)
                .userId();
        assertThat(ok(as(moderator, "USER", "MODERATOR").get("/api/groups/" + group.groupId() + "/sessions"))
                        .get("items"))
                .hasSize(1);
        assertProblem(
                as(outsider, "USER", "MODERATOR").get("/api/groups/" + group.groupId() + "/sessions"),
                401,
                "UNAUTHENTICATED");
        assertProblem(as(member).get("/api/groups/" + UUID.randomUUID() + "/sessions"), 404, "NOT_FOUND");
    }

    @Test
    void aLapsedInvitationLeavesTheInviteesList() {
        UUID owner = register("owner");
        UUID guest = register("guest");
        Groups.Created group =
                groups.create(owner, stem + " Lapsing", GroupVisibility.PRIVATE, JoinPolicy.INVITE_ONLY, 10);
        applied(group.token());
        applied(groups.invite(group.groupId(), guest, owner));
        assertThat(ok(as(guest).get("/api/invitations")).get("items")).hasSize(1);

        applied(groups.invitationExpires(group.groupId(), guest));
        assertThat(ok(as(guest).get("/api/invitations")).get("items")).isEmpty();
    }

    private UUID register(String role) {
        UserAccounts.Registered registered = accounts.register(stem + "_" + role, role.toUpperCase());
        accounts.awaitProjected("users", registered.token());
        return registered.userId();
    }

    private void applied(ConsistencyToken write) {
        accounts.awaitProjected(GroupsProjection.PROCESSING_GROUP, write);
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private ApiClient as(UUID userId, String... roles) {
        return ApiClient.on(port).withToken(TestTokenIssuer.get().accessToken(userId, roles));
    }
}
