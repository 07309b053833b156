package dev.studybuddy.query.group;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.platform.consistency.ConsistencyTokens;
import dev.studybuddy.query.support.Friendships;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@QuerySideIT
class GroupsApiIT {

    @Autowired
    ConsistencyTokens consistencyTokens;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Groups groups;

    @Autowired
    Friendships friendships;

    String stem;
    UUID owner;
    UUID member;
    UUID outsider;

    @BeforeEach
    void users() {
        stem = "gr" + Long.toString(System.nanoTime() % 1_000_000, 36);
        owner = register("owner");
        member = register("member");
        outsider = register("outsider");
    }

    @Test
    void anOpenPublicGroupIsDiscoveredJoinedAndListed() {
        UUID groupId = created(groups.create(owner, stem + " Open", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10));
        assertThat(groupNames(outsider, "discover")).contains(stem + " Open");

        applied(groups.join(groupId, member));

        assertThat(groupNames(member, "mine")).containsExactly(stem + " Open");
        assertThat(groupNames(member, "discover")).doesNotContain(stem + " Open");
        assertThat(groupNames(outsider, "discover")).contains(stem + " Open");
        JsonNode details = ok(as(member).get("/api/groups/" + groupId));
        assertThat(details.get("name").asText()).isEqualTo(stem + " Open");
        assertThat(details.get("visibility").asText()).isEqualTo("PUBLIC");
        assertThat(details.get("joinPolicy").asText()).isEqualTo("OPEN");
        assertThat(details.get("capacity").asInt()).isEqualTo(10);
        assertThat(details.get("memberCount").asInt()).isEqualTo(2);
        assertThat(details.get("archived").asBoolean()).isFalse();
        assertThat(details.get("myRole").asText()).isEqualTo("MEMBER");
        assertThat(ok(as(outsider).get("/api/groups/" + groupId)).get("myRole").isNull())
                .isTrue();
        assertThat(roster(outsider, groupId)).containsExactly(entry("member", "MEMBER"), entry("owner", "OWNER"));

        applied(groups.leave(groupId, member));
        assertThat(groupNames(member, "mine")).isEmpty();
        assertThat(ok(as(owner).get("/api/groups/" + groupId))
                        .get("memberCount")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void anApprovalGroupShowsRequestsToItsManagersOnly() {
        UUID groupId =
                created(groups.create(owner, stem + " Approval", GroupVisibility.PUBLIC, JoinPolicy.APPROVAL, 10));
        groups.requestToJoin(groupId, member);
        applied(groups.approve(groupId, member, owner));
        UUID applicant = register("applicant");
        ConsistencyToken requested = groups.requestToJoin(groupId, applicant);

        JsonNode requests = ok(as(owner)
                        .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(requested))
                        .get("/api/groups/" + groupId + "/join-requests"))
                .get("items");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("userId").asText()).isEqualTo(applicant.toString());
        assertThat(requests.get(0).get("username").asText()).isEqualTo(stem + "_applicant");
        assertThat(requests.get(0).get("requestedAt").asText()).endsWith("Z");
        assertForbidden(as(member).get("/api/groups/" + groupId + "/join-requests"));
        assertForbidden(as(outsider).get("/api/groups/" + groupId + "/join-requests"));
        assertThat(ok(staff("MODERATOR").get("/api/groups/" + groupId + "/join-requests"))
                        .get("items"))
                .hasSize(1);

        applied(groups.approve(groupId, applicant, owner));
        assertThat(ok(as(owner).get("/api/groups/" + groupId + "/join-requests"))
                        .get("items"))
                .isEmpty();
        assertThat(roster(owner, groupId))
                .containsExactly(entry("applicant", "MEMBER"), entry("member", "MEMBER"), entry("owner", "OWNER"));
        JsonNode joined = ok(as(owner).get("/api/groups/" + groupId + "/members"))
                .get("items")
                .get(0);
        assertThat(joined.get("route").asText()).isEqualTo("APPROVAL");

        UUID rejected = register("rejected");
        applied(groups.requestToJoin(groupId, rejected));
        applied(groups.reject(groupId, rejected, owner));
        assertThat(ok(as(owner).get("/api/groups/" + groupId + "/join-requests"))
                        .get("items"))
                .isEmpty();
    }

    @Test
    void anInvitationFromSomeoneEitherBlocksIsNotListed() {
        UUID groupId =
                created(groups.create(owner, stem + " Pesky", GroupVisibility.PRIVATE, JoinPolicy.INVITE_ONLY, 5));
        applied(groups.invite(groupId, member, owner));
        applied(groups.invite(groupId, outsider, owner));
        accounts.awaitProjected("friendships", friendships.block(member, owner, false, null));
        accounts.awaitProjected("friendships", friendships.block(owner, outsider, false, null));

        assertThat(ok(as(member).get("/api/invitations")).get("items")).isEmpty();
        assertThat(ok(as(outsider).get("/api/invitations")).get("items")).isEmpty();

        accounts.awaitProjected("friendships", friendships.unblock(member, owner));
        assertThat(ok(as(member).get("/api/invitations")).get("items"))
                .singleElement()
                .satisfies(invitation ->
                        assertThat(invitation.get("groupId").asText()).isEqualTo(groupId.toString()));
    }

    @Test
    void aPrivateInviteOnlyGroupIsSeenOnlyByMembersInviteesThroughTheirInvitationsAndModerators() {
        UUID groupId =
                created(groups.create(owner, stem + " Secret", GroupVisibility.PRIVATE, JoinPolicy.INVITE_ONLY, 5));
        applied(groups.invite(groupId, member, owner));

        JsonNode invitations = ok(as(member).get("/api/invitations")).get("items");
        assertThat(invitations).hasSize(1);
        JsonNode invitation = invitations.get(0);
        assertThat(invitation.get("groupId").asText()).isEqualTo(groupId.toString());
        assertThat(invitation.get("groupName").asText()).isEqualTo(stem + " Secret");
        assertThat(invitation.get("visibility").asText()).isEqualTo("PRIVATE");
        assertThat(invitation.at("/invitedBy/userId").asText()).isEqualTo(owner.toString());
        assertThat(invitation.at("/invitedBy/username").asText()).isEqualTo(stem + "_owner");
        assertThat(ok(as(outsider).get("/api/invitations")).get("items")).isEmpty();

        // Not a member yet: the private group does not exist for them, exactly like an unknown one.
        assertNotFound(as(member).get("/api/groups/" + groupId));
        assertNotFound(as(outsider).get("/api/groups/" + groupId));
        assertNotFound(as(outsider).get("/api/groups/" + groupId + "/members"));
        assertNotFound(as(outsider).get("/api/groups/" + groupId + "/join-requests"));
        assertNotFound(as(outsider).get("/api/groups/" + UUID.randomUUID()));
        assertThat(groupNames(outsider, "discover")).doesNotContain(stem + " Secret");

        applied(groups.acceptInvitation(groupId, member));
        assertThat(ok(as(member).get("/api/invitations")).get("items")).isEmpty();
        assertThat(groupNames(member, "mine")).containsExactly(stem + " Secret");
        assertThat(roster(member, groupId)).containsExactly(entry("member", "MEMBER"), entry("owner", "OWNER"));
        assertForbidden(as(member).get("/api/groups/" + groupId + "/join-requests"));

        for (String staff : List.of("MODERATOR", "ADMIN")) {
            ApiClient moderator = staff(staff);
            assertThat(ok(moderator.get("/api/groups/" + groupId)).get("name").asText())
                    .isEqualTo(stem + " Secret");
            assertThat(ok(moderator.get("/api/groups/" + groupId + "/members")).get("items"))
                    .hasSize(2);
        }
        assertNotFound(staff("AUDITOR").get("/api/groups/" + groupId + "/members"));

        UUID decliner = register("decliner");
        applied(groups.invite(groupId, decliner, owner));
        applied(groups.declineInvitation(groupId, decliner));
        assertThat(ok(as(decliner).get("/api/invitations")).get("items")).isEmpty();
    }

    @Test
    void roleChangesOwnershipTransferAndBansShowInTheRoster() {
        UUID groupId = created(groups.create(owner, stem + " Roles", GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10));
        groups.join(groupId, member);
        UUID third = register("third");
        groups.join(groupId, third);
        applied(groups.changeRole(groupId, member, GroupRole.MEMBER, GroupRole.ADMIN, owner));
        assertThat(roster(owner, groupId))
                .containsExactly(entry("member", "ADMIN"), entry("owner", "OWNER"), entry("third", "MEMBER"));
        assertThat(ok(as(member).get("/api/groups/" + groupId + "/join-requests"))
                        .get("items"))
                .isEmpty();

        applied(groups.transferOwnership(groupId, owner, member));
        assertThat(roster(third, groupId))
                .containsExactly(entry("member", "OWNER"), entry("owner", "ADMIN"), entry("third", "MEMBER"));
        JsonNode details = ok(as(third).get("/api/groups/" + groupId));
        assertThat(details.get("ownerId").asText()).isEqualTo(member.toString());
        assertThat(ok(as(member).get("/api/groups/" + groupId)).get("myRole").asText())
                .isEqualTo("OWNER");

        applied(groups.ban(groupId, third, member, true));
        assertThat(roster(owner, groupId)).containsExactly(entry("member", "OWNER"), entry("owner", "ADMIN"));
        assertThat(ok(as(owner).get("/api/groups/" + groupId))
                        .get("memberCount")
                        .asInt())
                .isEqualTo(2);
        assertThat(groupNames(third, "mine")).isEmpty();
        assertNotFound(as(third).get("/api/groups/" + groupId + "/members"));

        applied(groups.remove(groupId, owner, member));
        assertThat(roster(member, groupId)).containsExactly(entry("member", "OWNER"));
    }

    @Test
    void discoverHidesArchivedPrivateJoinedAndBannedGroupsAndSearchesByNamePrefix() {
        UUID open = created(groups.create(owner, stem + " Alpha", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10));
        UUID archived = created(groups.create(owner, stem + " Beta", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10));
        created(groups.create(owner, stem + " Gamma", GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10));
        UUID banned = created(groups.create(owner, stem + " Delta", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10));
        created(groups.create(owner, "Other " + stem, GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10));
        applied(groups.archive(archived, owner));
        applied(groups.ban(banned, outsider, owner, false));
        applied(groups.join(open, member));

        assertThat(groupNames(outsider, "discover")).containsExactly(stem + " Alpha");
        assertThat(groupNames(member, "discover")).containsExactly(stem + " Delta");
        assertThat(groupNames(owner, "mine"))
                .containsExactly(stem + " Alpha", stem + " Beta", stem + " Delta", stem + " Gamma");
        JsonNode firstPage = ok(as(owner).get("/api/groups?scope=mine&limit=3&search=" + stem.toUpperCase()));
        assertThat(firstPage.get("items")).hasSize(3);
        String cursor = firstPage.get("nextCursor").asText();
        JsonNode secondPage = ok(as(owner).get("/api/groups?scope=mine&limit=3&search=" + stem + "&cursor=" + cursor));
        assertThat(secondPage.get("items").get(0).get("name").asText()).isEqualTo(stem + " Gamma");
        assertThat(secondPage.get("nextCursor").isNull()).isTrue();
        assertThat(ok(as(owner).get("/api/groups?scope=mine&limit=3&search=" + stem + "&cursor=")))
                .as("an empty cursor asks for the first page, as in every service")
                .isEqualTo(firstPage);

        applied(groups.unban(banned, outsider, owner));
        assertThat(groupNames(outsider, "discover")).containsExactly(stem + " Alpha", stem + " Delta");
        ApiClient.Response badScope = as(owner).get("/api/groups?scope=everything");
        assertThat(badScope.status()).as(badScope.toString()).isEqualTo(400);
    }

    private UUID register(String role) {
        UserAccounts.Registered registered = accounts.register(stem + "_" + role, role.toUpperCase());
        accounts.awaitProjected("users", registered.token());
        return registered.userId();
    }

    private UUID created(Groups.Created created) {
        applied(created.token());
        return created.groupId();
    }

    private void applied(ConsistencyToken write) {
        accounts.awaitProjected(GroupsProjection.PROCESSING_GROUP, write);
    }

    /** The names of the caller's groups in {@code scope} among this test's groups. */
    private List<String> groupNames(UUID caller, String scope) {
        List<String> names = new ArrayList<>();
        ok(as(caller).get("/api/groups?limit=200&scope=" + scope + "&search=" + stem))
                .get("items")
                .forEach(group -> names.add(group.get("name").asText()));
        return names;
    }

    private List<Map.Entry<String, String>> roster(UUID caller, UUID groupId) {
        Map<String, String> roles = new LinkedHashMap<>();
        ok(as(caller).get("/api/groups/" + groupId + "/members"))
                .get("items")
                .forEach(entry -> roles.put(
                        entry.get("username").asText(), entry.get("role").asText()));
        return new ArrayList<>(roles.entrySet());
    }

    private Map.Entry<String, String> entry(String user, String role) {
        return Map.entry(stem + "_" + user, role);
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header(ConsistencyToken.STATUS_HEADER)).isEmpty();
        return response.json();
    }

    private static void assertNotFound(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(response.json().get("detail").asText()).isEqualTo("No such group.");
    }

    private static void assertForbidden(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("FORBIDDEN");
    }

    private ApiClient as(UUID userId, String... roles) {
        return ApiClient.on(port).withToken(TestTokenIssuer.get().accessToken(userId, roles));
    }

    /** A new account with privileged roles: their tokens are good only where the account's events grant them. */
    private ApiClient staff(String... roles) {
        return ApiClient.on(port).withToken(accounts.tokenOfNew(roles));
    }
}
