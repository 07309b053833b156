package dev.studybuddy.query.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybuddy.api.file.FilePurpose;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.platform.web.RateLimitedException;
import dev.studybuddy.query.support.Chats;
import dev.studybuddy.query.support.Friendships;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.OtherServicesStub;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.StoredFiles;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

@QuerySideIT
class AccountExportIT {

    private static final String EXPORT = "/api/users/me/export";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Friendships friendships;

    @Autowired
    Groups groups;

    @Autowired
    Chats chats;

    @Autowired
    StoredFiles files;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    ExportProperties properties;

    @Test
    void theExportHoldsTheCallersProfileRelationsMessagesFilesAndEveryNotification() {
        String username = UserAccounts.uniqueUsername("exp");
        UUID me = registered(username);
        UUID friend = registered(UserAccounts.uniqueUsername("expfriend"));
        UUID asked = registered(UserAccounts.uniqueUsername("expasked"));
        UUID asking = registered(UserAccounts.uniqueUsername("expasking"));
        UUID blocked = registered(UserAccounts.uniqueUsername("expblocked"));
        friendships.request(me, friend);
        accounts.awaitProjected("friendships", friendships.accept(me, friend));
        accounts.awaitProjected("friendships", friendships.request(me, asked));
        accounts.awaitProjected("friendships", friendships.request(asking, me));
        accounts.awaitProjected("friendships", friendships.block(me, blocked, false, null));
        Groups.Created group =
                groups.create(me, "Export " + UUID.randomUUID(), GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10);
        accounts.awaitProjected("groups", groups.join(group.groupId(), friend));
        Groups.Created joined =
                groups.create(friend, "Joined " + UUID.randomUUID(), GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10);
        accounts.awaitProjected("groups", groups.join(joined.groupId(), me));
        Groups.Created inviting = groups.create(
                friend, "Inviting " + UUID.randomUUID(), GroupVisibility.PRIVATE, JoinPolicy.INVITE_ONLY, 10);
        accounts.awaitProjected("groups", groups.invite(inviting.groupId(), me, friend));
        Chats.Posted mine = chats.post(group.groupId(), me, "my group message");
        Chats.Posted alsoMine = chats.post(joined.groupId(), me, "my other group message");
        accounts.awaitProjected("chat", alsoMine.token());
        Chats.Posted theirs = chats.post(group.groupId(), friend, "the friend's group message");
        Chats.Posted myDirect = chats.sendDirect(me, friend, "my direct message");
        accounts.awaitProjected(
                "chat",
                chats.sendDirect(friend, me, "the friend's direct message").token());
        accounts.awaitProjected("chat", chats.react(group.groupId(), theirs.messageId(), me, "👍"));
        StoredFiles.Uploaded file = files.upload(
                me, FilePurpose.ATTACHMENT, "text/plain", "notes.txt", "notes".getBytes(StandardCharsets.UTF_8));
        List<UUID> myFiles = new ArrayList<>(List.of(file.fileId()));
        for (int i = 0; i < 2; i++) {
            StoredFiles.Uploaded more = files.upload(
                    me,
                    FilePurpose.ATTACHMENT,
                    "text/plain",
                    "more-" + i + ".txt",
                    ("more " + i + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            myFiles.add(more.fileId());
            accounts.awaitProjected("files", more.token());
        }
        accounts.awaitProjected("files", file.token());
        List<UUID> notifications = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            notifications.add(0, OtherServicesStub.notify(me, "friend.request.received", Map.of("n", i)));
        }
        OtherServicesStub.address(me, username + "@studybuddy.test", true);
        OtherServicesStub.address(friend, "friend-secret@studybuddy.test", true);
        UUID laptop = UUID.randomUUID();
        UUID phone = UUID.randomUUID();
        OtherServicesStub.session(me, laptop, "Firefox on Linux", "192.0.2.10");
        OtherServicesStub.session(me, phone, "StudyBuddy for Android", "198.51.100.7");
        OtherServicesStub.session(friend, UUID.randomUUID(), "friend-secret-agent", "203.0.113.99");
        OtherServicesStub.preferences(me, Map.of("friend-request.received", false, "group.invitation", true));

        ApiClient.Response response =
                as(me).withHeader("Accept", "application/x-ndjson").get(EXPORT);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/x-ndjson");
        assertThat(response.body()).as("type leads every line").startsWith("{\"type\":\"profile\"");
        List<JsonNode> lines = lines(response);
        JsonNode profile = lines.get(0);
        assertThat(profile.get("type").asText()).isEqualTo("profile");
        assertThat(profile.get("userId").asText()).isEqualTo(me.toString());
        assertThat(profile.get("username").asText()).isEqualTo(username);
        assertThat(profile.get("email").asText()).isEqualTo(username + "@studybuddy.test");
        assertThat(profile.get("emailVerified").asBoolean())
                .as("identity's word on it")
                .isTrue();
        assertThat(profile.get("presenceVisible").asBoolean()).isTrue();
        assertThat(profile.get("receiptsEnabled").asBoolean()).isTrue();
        assertThat(ofType(lines, "session"))
                .extracting(line -> line.get("sessionId").asText() + " "
                        + line.get("userAgent").asText() + " "
                        + line.get("address").asText())
                .containsExactlyInAnyOrder(
                        laptop + " Firefox on Linux 192.0.2.10", phone + " StudyBuddy for Android 198.51.100.7");
        assertThat(ofType(lines, "session").get(0).has("lastUsedAt")).isTrue();
        JsonNode preferences = single(lines, "notificationPreferences");
        assertThat(preferences.get("email").get("friend-request.received").asBoolean())
                .isFalse();
        assertThat(preferences.get("email").get("group.invitation").asBoolean()).isTrue();
        assertThat(OtherServicesStub.readWithoutGrant(me))
                .as("the other services are read with the export grant, not the caller's token")
                .isFalse();

        assertThat(ofType(lines, "friendship"))
                .extracting(line ->
                        line.get("userId").asText() + " " + line.get("status").asText())
                .containsExactlyInAnyOrder(friend + " FRIEND", asked + " REQUEST_SENT", asking + " REQUEST_RECEIVED");
        assertThat(single(lines, "block").get("userId").asText()).isEqualTo(blocked.toString());
        assertThat(ofType(lines, "membership"))
                .extracting(line -> line.get("groupId").asText() + " "
                        + line.get("status").asText() + " " + line.get("role").asText())
                .containsExactlyInAnyOrder(
                        group.groupId() + " MEMBER OWNER",
                        joined.groupId() + " MEMBER MEMBER",
                        inviting.groupId() + " INVITED null");

        List<JsonNode> messages = ofType(lines, "message");
        assertThat(messages)
                .extracting(message -> message.get("messageId").asText())
                .containsExactlyInAnyOrder(
                        mine.messageId().toString(),
                        alsoMine.messageId().toString(),
                        myDirect.messageId().toString());
        JsonNode groupMessage = messages.stream()
                .filter(message -> message.get("messageId")
                        .asText()
                        .equals(mine.messageId().toString()))
                .findFirst()
                .orElseThrow();
        assertThat(groupMessage.get("body").asText()).isEqualTo("my group message");
        assertThat(groupMessage.get("groupId").asText())
                .isEqualTo(group.groupId().toString());
        JsonNode directMessage = messages.stream()
                .filter(message -> message.get("messageId")
                        .asText()
                        .equals(myDirect.messageId().toString()))
                .findFirst()
                .orElseThrow();
        assertThat(directMessage.get("body").asText()).isEqualTo("my direct message");
        assertThat(directMessage.get("friendId").asText()).isEqualTo(friend.toString());

        JsonNode reaction = single(lines, "reaction");
        assertThat(reaction.get("messageId").asText())
                .isEqualTo(theirs.messageId().toString());
        assertThat(reaction.get("emoji").asText()).isEqualTo("👍");
        assertThat(reaction.has("body")).as("nothing of the other's message").isFalse();
        assertThat(ofType(lines, "file"))
                .extracting(line -> UUID.fromString(line.get("fileId").asText()))
                .containsExactlyInAnyOrderElementsOf(myFiles);
        JsonNode exportedFile = ofType(lines, "file").stream()
                .filter(line -> line.get("fileId").asText().equals(file.fileId().toString()))
                .findFirst()
                .orElseThrow();
        assertThat(exportedFile.get("fileName").asText()).isEqualTo("notes.txt");

        assertThat(ofType(lines, "notification"))
                .as("three notifications over two pages, newest first")
                .extracting(line -> UUID.fromString(line.get("notificationId").asText()))
                .containsExactlyElementsOf(notifications);
        assertThat(ofType(lines, "notification").get(0).get("notificationType").asText())
                .isEqualTo("friend.request.received");
        assertThat(lines.get(lines.size() - 1).get("type").asText()).isEqualTo("end");
        assertThat(response.body())
                .doesNotContain(
                        "the friend's group message",
                        "the friend's direct message",
                        "friend-secret@studybuddy.test",
                        "friend-secret-agent");
    }

    @Test
    void nothingOfAnotherUsersPrivateDataIsExported() {
        UUID me = registered(UserAccounts.uniqueUsername("expme"));
        UUID other = registered(UserAccounts.uniqueUsername("expother"));
        UUID third = registered(UserAccounts.uniqueUsername("expthird"));
        friendships.request(me, other);
        accounts.awaitProjected("friendships", friendships.accept(me, other));
        friendships.request(other, third);
        accounts.awaitProjected("friendships", friendships.accept(other, third));
        accounts.awaitProjected("friendships", friendships.block(other, me, true, null));
        Groups.Created group =
                groups.create(other, "Other's " + UUID.randomUUID(), GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10);
        accounts.awaitProjected("groups", groups.join(group.groupId(), me));
        chats.post(group.groupId(), other, "secret of other in the group");
        chats.sendDirect(other, me, "other to me");
        accounts.awaitProjected(
                "chat", chats.sendDirect(other, third, "other to third").token());
        StoredFiles.Uploaded othersFile = files.upload(
                other, FilePurpose.ATTACHMENT, "text/plain", "other.txt", "other's".getBytes(StandardCharsets.UTF_8));
        accounts.awaitProjected("files", othersFile.token());
        UUID othersNotification = OtherServicesStub.notify(other, "group.invitation", Map.of());
        OtherServicesStub.address(other, "other-secret@studybuddy.test", false);

        ApiClient.Response response = as(me).get(EXPORT);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> lines = lines(response);
        assertThat(response.body())
                .doesNotContain(
                        "secret of other",
                        "other to me",
                        "other to third",
                        othersFile.fileId().toString(),
                        othersNotification.toString(),
                        third.toString());
        assertThat(ofType(lines, "message")).isEmpty();
        assertThat(ofType(lines, "block"))
                .as("who blocked the caller is the other's choice")
                .isEmpty();
        assertThat(ofType(lines, "file")).isEmpty();
        assertThat(response.body()).doesNotContain("other-secret@studybuddy.test");
        for (JsonNode line : lines.subList(1, lines.size())) {
            if (line.get("type").asText().equals("notificationPreferences")) {
                continue; // its "email" holds the caller's on/off per notification type, no address
            }
            line.fieldNames()
                    .forEachRemaining(field ->
                            assertThat(field.toLowerCase()).as(line.toString()).doesNotContain("email"));
        }
        assertThat(lines.get(0).get("userId").asText()).isEqualTo(me.toString());
        assertThat(lines.get(0).get("email").isNull())
                .as("an account without an address")
                .isTrue();
    }

    @Test
    void withoutATokenTheExportIsRefused() {
        ApiClient.Response response = ApiClient.on(port).get(EXPORT);

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anExportGrantIsNoAccessTokenForQuerySide() {
        UUID me = registered(UserAccounts.uniqueUsername("expgrant"));
        TestTokenIssuer issuer = TestTokenIssuer.get();
        String grant = issuer.sign(issuer.claims(me)
                .claim("roles", List.of())
                .claim("scope", "export")
                .build());

        ApiClient.Response response = ApiClient.on(port).withToken(grant).get(EXPORT);

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.json().get("code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aNotificationSagaThatDoesNotAnswerIsA503BeforeAnyLine() {
        UUID me = registered(UserAccounts.uniqueUsername("expdown"));
        OtherServicesStub.failFor(me);

        ApiClient.Response response =
                as(me).withHeader("Accept", "application/x-ndjson").get(EXPORT);

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(response.header("Retry-After")).as(response.toString()).isPresent();
    }

    @Test
    void aCommandSideThatDoesNotAnswerForTheAddressIsA503BeforeAnyLine() {
        UUID me = registered(UserAccounts.uniqueUsername("expnoaddr"));
        OtherServicesStub.failAddressFor(me);

        ApiClient.Response response = as(me).get(EXPORT);

        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void aNotificationSagaThatStopsAnsweringMidwayEndsTheExportWithAnIncompleteLine() {
        UUID me = registered(UserAccounts.uniqueUsername("exphalf"));
        List<UUID> notifications = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            notifications.add(0, OtherServicesStub.notify(me, "group.activity", Map.of("n", i)));
        }
        OtherServicesStub.failAfterFirstPageFor(me);

        ApiClient.Response response = as(me).get(EXPORT);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> lines = lines(response);
        assertThat(ofType(lines, "notification"))
                .extracting(line -> UUID.fromString(line.get("notificationId").asText()))
                .containsExactlyElementsOf(notifications.subList(0, 2));
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("incomplete");
        assertThat(last.get("missing").asText()).isEqualTo("notification");
        assertThat(ofType(lines, "end")).isEmpty();
    }

    @Test
    void anExportOutlivesTheCallersAccessTokenBecauseItReadsWithAGrant() {
        UUID me = registered(UserAccounts.uniqueUsername("explong"));
        List<UUID> notifications = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            notifications.add(0, OtherServicesStub.notify(me, "group.activity", Map.of("n", i)));
        }
        // three inbox pages at 1.5 s each: the last two are asked for after the caller's 3 s token expired
        OtherServicesStub.slowInboxFor(me, Duration.ofMillis(1500));
        String shortLived = TestTokenIssuer.get().accessToken(me, 0, Duration.ofSeconds(3));

        ApiClient.Response response = ApiClient.on(port).withToken(shortLived).get(EXPORT);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> lines = lines(response);
        assertThat(ofType(lines, "notification"))
                .extracting(line -> UUID.fromString(line.get("notificationId").asText()))
                .containsExactlyElementsOf(notifications);
        assertThat(lines.get(lines.size() - 1).get("type").asText()).isEqualTo("end");
        assertThat(OtherServicesStub.readWithoutGrant(me)).isFalse();
    }

    @Test
    void theFourthExportWithinTheHourIsA429WithRetryAfterAndEveryNodeCountsTheSame() {
        UUID me = registered(UserAccounts.uniqueUsername("exprate"));
        for (int i = 0; i < 3; i++) {
            ApiClient.Response allowed = as(me).get(EXPORT);
            assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
        }

        ApiClient.Response refused = as(me).get(EXPORT);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow()))
                .as("until the first of the three leaves the hour")
                .isBetween(3500L, 3600L);
        ExportRateLimit anotherNode = new ExportRateLimit(redis, properties);
        assertThatThrownBy(() -> anotherNode.admit(me))
                .as("the count is Redis's, not this node's")
                .isInstanceOf(RateLimitedException.class);
        UUID someoneElse = registered(UserAccounts.uniqueUsername("exprateother"));
        assertThat(as(someoneElse).get(EXPORT).status()).as("counted per user").isEqualTo(200);
    }

    @Test
    void anExportThatCouldNotStartDoesNotCountAgainstTheLimit() {
        UUID me = registered(UserAccounts.uniqueUsername("expretry"));
        OtherServicesStub.failAddressFor(me);

        for (int i = 0; i < 4; i++) {
            ApiClient.Response response = as(me).get(EXPORT);
            assertThat(response.status()).as(response.toString()).isEqualTo(503);
        }
    }

    private UUID registered(String username) {
        UserAccounts.Registered registered = accounts.register(username, "Display " + username);
        accounts.awaitProjected("users", registered.token());
        return registered.userId();
    }

    private ApiClient as(UUID userId) {
        return ApiClient.on(port).withToken(TestTokenIssuer.get().accessToken(userId));
    }

    private static List<JsonNode> lines(ApiClient.Response response) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (Exception e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }
        }
        return lines;
    }

    private static List<JsonNode> ofType(List<JsonNode> lines, String type) {
        return lines.stream()
                .filter(line -> line.get("type").asText().equals(type))
                .toList();
    }

    private static JsonNode single(List<JsonNode> lines, String type) {
        List<JsonNode> found = ofType(lines, type);
        assertThat(found).as(type + " lines").hasSize(1);
        return found.get(0);
    }
}
