package dev.studybuddy.query.friendship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.platform.consistency.ConsistencyTokens;
import dev.studybuddy.query.support.Friendships;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@QuerySideIT
class FriendshipsApiIT {

    @Autowired
    ConsistencyTokens consistencyTokens;

    private static final String USERS = "users";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Friendships friendships;

    String stem;
    UUID ann;
    UUID bob;
    UUID cat;

    /** Three users whose names share a stem no other test uses, so that a search finds exactly them. */
    @BeforeEach
    void threeUsers() {
        stem = "fr" + Long.toString(System.nanoTime() % 1_000_000, 36);
        ann = register(stem + "_ann", "Ann");
        bob = register(stem + "_bob", "Bob");
        cat = register(stem + "_cat", "Cat");
    }

    @Test
    void theFriendLifecycleOfThreeUsers() {
        applied(friendships.request(ann, bob));
        ConsistencyToken catAsksAnn = friendships.request(cat, ann);

        // Each side sees its own half of each pending request, with who is on the other side.
        assertThat(list(ann, "/api/friends/requests?direction=outgoing", null)).containsExactly(stem + "_bob");
        assertThat(list(ann, "/api/friends/requests?direction=incoming", catAsksAnn))
                .containsExactly(stem + "_cat");
        assertThat(list(bob, "/api/friends/requests?direction=incoming", null)).containsExactly(stem + "_ann");
        assertThat(list(bob, "/api/friends/requests?direction=outgoing", null)).isEmpty();
        assertThat(list(cat, "/api/friends/requests?direction=outgoing", null)).containsExactly(stem + "_ann");
        JsonNode request =
                as(bob).get("/api/friends/requests").json().get("items").get(0);
        assertThat(request.get("userId").asText()).isEqualTo(ann.toString());
        assertThat(request.get("displayName").asText()).isEqualTo("Ann");
        assertThat(request.get("since").asText()).endsWith("Z");

        // Ann's request to Cat crosses Cat's pending one: the aggregate accepts Cat's request.
        ConsistencyToken crossed = friendships.accept(cat, ann);
        assertThat(list(ann, "/api/friends", crossed)).containsExactly(stem + "_cat");
        assertThat(list(cat, "/api/friends", null)).containsExactly(stem + "_ann");
        assertThat(list(ann, "/api/friends/requests?direction=incoming", null)).isEmpty();
        assertThat(list(cat, "/api/friends/requests?direction=outgoing", null)).isEmpty();

        ConsistencyToken bobAccepts = friendships.accept(ann, bob);
        assertThat(list(ann, "/api/friends", bobAccepts)).containsExactly(stem + "_bob", stem + "_cat");
        assertThat(list(bob, "/api/friends", null)).containsExactly(stem + "_ann");
        assertThat(list(ann, "/api/friends/requests?direction=outgoing", null)).isEmpty();

        ConsistencyToken bobRemovesAnn = friendships.unfriend(bob, ann);
        assertThat(list(ann, "/api/friends", bobRemovesAnn)).containsExactly(stem + "_cat");
        assertThat(list(bob, "/api/friends", null)).isEmpty();

        // Blocking a friend ends the friendship on both sides; only the blocker sees the block.
        ConsistencyToken annBlocksCat = friendships.block(ann, cat, true, null);
        assertThat(list(ann, "/api/friends", annBlocksCat)).isEmpty();
        assertThat(list(cat, "/api/friends", null)).isEmpty();
        assertThat(list(ann, "/api/blocks", null)).containsExactly(stem + "_cat");
        assertThat(list(cat, "/api/blocks", null)).isEmpty();

        // Blocking someone whose request is pending withdraws it.
        applied(friendships.request(bob, ann));
        ConsistencyToken annBlocksBob = friendships.block(ann, bob, false, bob);
        assertThat(list(ann, "/api/friends/requests?direction=incoming", annBlocksBob))
                .isEmpty();
        assertThat(list(bob, "/api/friends/requests?direction=outgoing", null)).isEmpty();
        assertThat(list(ann, "/api/blocks", null)).containsExactly(stem + "_bob", stem + "_cat");

        ConsistencyToken annUnblocksBob = friendships.unblock(ann, bob);
        assertThat(list(ann, "/api/blocks", annUnblocksBob)).containsExactly(stem + "_cat");
    }

    @Test
    void blockedUsersAreHiddenFromTheBlockersSearchAndTheBlockedCannotFindTheBlocker() {
        String search = "/api/users?search=" + stem;
        assertThat(list(ann, search, null)).contains(stem + "_bob", stem + "_cat");

        accounts.awaitProjected(FriendshipsProjection.PROCESSING_GROUP, friendships.block(ann, cat, false, null));

        assertThat(list(ann, search, null)).containsExactly(stem + "_ann", stem + "_bob");
        assertThat(list(cat, search, null)).containsExactly(stem + "_bob", stem + "_cat");
        assertThat(list(bob, search, null)).containsExactly(stem + "_ann", stem + "_bob", stem + "_cat");

        accounts.awaitProjected(FriendshipsProjection.PROCESSING_GROUP, friendships.unblock(ann, cat));
        assertThat(list(ann, search, null)).containsExactly(stem + "_ann", stem + "_bob", stem + "_cat");
    }

    @Test
    void theBlockedCannotLookUpTheBlockersProfileWhileTheBlockerStillSeesTheirs() {
        accounts.awaitProjected(FriendshipsProjection.PROCESSING_GROUP, friendships.block(ann, cat, false, null));

        ApiClient.Response seenByBlocked = as(cat).get("/api/users/" + ann);
        assertThat(seenByBlocked.status()).as(seenByBlocked.toString()).isEqualTo(404);
        assertThat(seenByBlocked.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(as(ann).get("/api/users/" + cat).status()).isEqualTo(200);
        assertThat(as(bob).get("/api/users/" + ann).status()).isEqualTo(200);
        assertThat(ApiClient.on(port)
                        .withToken(accounts.tokenOfNew("USER", "MODERATOR"))
                        .get("/api/users/" + ann)
                        .status())
                .as("staff see everyone")
                .isEqualTo(200);

        accounts.awaitProjected(FriendshipsProjection.PROCESSING_GROUP, friendships.unblock(ann, cat));
        assertThat(as(cat).get("/api/users/" + ann).status()).isEqualTo(200);
    }

    /** IDOR: there is no parameter that names another user; a third party's lists never show the pair's business. */
    @Test
    void aThirdUserSeesNothingOfOthersRequestsFriendsOrBlocks() {
        applied(friendships.request(ann, bob));
        friendships.request(ann, cat);
        applied(friendships.accept(ann, cat));
        ConsistencyToken last = friendships.block(bob, ann, false, ann);
        accounts.awaitProjected(FriendshipsProjection.PROCESSING_GROUP, last);
        UUID stranger = register(stem + "_zed", "Zed");

        for (String path : List.of(
                "/api/friends",
                "/api/friends/requests?direction=incoming",
                "/api/friends/requests?direction=outgoing",
                "/api/blocks",
                "/api/friends?userId=" + ann,
                "/api/blocks?userId=" + bob)) {
            assertThat(list(stranger, path, null)).as(path).isEmpty();
        }
        assertThat(list(cat, "/api/friends/requests?direction=incoming", null)).isEmpty();
        assertThat(list(cat, "/api/friends/requests?direction=outgoing", null)).isEmpty();
        assertThat(list(cat, "/api/blocks", null)).isEmpty();
        assertThat(list(cat, "/api/friends", null)).containsExactly(stem + "_ann");
    }

    @Test
    void listsArePagedByUserNameAndRefuseBadParameters() {
        for (UUID friend : List.of(bob, cat, register(stem + "_dan", "Dan"), register(stem + "_eve", "Eve"))) {
            friendships.request(ann, friend);
            applied(friendships.accept(ann, friend));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ApiClient.Response page = as(ann).get("/api/friends?limit=3"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json()
                    .get("items")
                    .forEach(item -> seen.add(item.get("username").asText()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asText();
            pages++;
        } while (cursor != null && pages < 5);

        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactly(stem + "_bob", stem + "_cat", stem + "_dan", stem + "_eve");
        for (String bad : List.of(
                "/api/friends?limit=0",
                "/api/friends?limit=201",
                "/api/blocks?cursor=nope",
                "/api/friends/requests?direction=sideways")) {
            ApiClient.Response refused = as(ann).get(bad);
            assertThat(refused.status()).as(bad + ": " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aTokenOfAFriendshipWriteIsWaitedFor() {
        ConsistencyToken write = friendships.request(ann, bob);

        ApiClient.Response response = as(bob).withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(write))
                .get("/api/friends/requests?direction=incoming");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header(ConsistencyToken.STATUS_HEADER)).isEmpty();
        assertThat(response.json().get("items")).hasSize(1);
    }

    private void applied(ConsistencyToken write) {
        accounts.awaitProjected(FriendshipsProjection.PROCESSING_GROUP, write);
    }

    private UUID register(String username, String displayName) {
        UserAccounts.Registered registered = accounts.register(username, displayName);
        accounts.awaitProjected(USERS, registered.token());
        return registered.userId();
    }

    /**
     * The user names a list shows to {@code caller}, read with {@code token} (which the read waits for)
     * when given; without one, the writes it should show must have been awaited.
     */
    private List<String> list(UUID caller, String path, ConsistencyToken token) {
        ApiClient client = token == null
                ? as(caller)
                : as(caller).withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(token));
        ApiClient.Response response = client.get(path);
        assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
        assertThat(response.header(ConsistencyToken.STATUS_HEADER)).as(path).isEmpty();
        List<String> names = new ArrayList<>();
        response.json()
                .get("items")
                .forEach(item -> names.add(item.get("username").asText()));
        return names;
    }

    private ApiClient as(UUID userId, String... roles) {
        return ApiClient.on(port).withToken(TestTokenIssuer.get().accessToken(userId, roles));
    }
}
