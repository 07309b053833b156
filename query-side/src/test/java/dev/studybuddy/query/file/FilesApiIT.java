package dev.studybuddy.query.file;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.file.FilePurpose;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.user.AvatarChangedEvent;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.platform.consistency.ConsistencyTokens;
import dev.studybuddy.platform.files.BlobRegionHttpMessageConverter;
import dev.studybuddy.query.support.Friendships;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.HandledEvents;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.StompClients;
import dev.studybuddy.query.support.StoredFiles;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.converter.ResourceRegionHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

@QuerySideIT
class FilesApiIT {

    @Autowired
    ConsistencyTokens consistencyTokens;

    private static final byte[] PDF =
            ("%PDF-1.4\n% study notes\n" + "x".repeat(1000) + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Autowired
    StoredFiles files;

    @Autowired
    Groups groups;

    @Autowired
    Friendships friendships;

    @Autowired
    UserAccounts accounts;

    @Autowired
    RequestMappingHandlerAdapter handlerAdapter;

    @Autowired
    MeterRegistry meters;

    private ApiClient as(UUID userId) {
        return ApiClient.on(port).withToken(TestTokenIssuer.get().accessToken(userId));
    }

    private static byte[] unique(byte[] content) {
        byte[] marker = ("\n% " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] copy = new byte[content.length + marker.length];
        System.arraycopy(content, 0, copy, 0, content.length);
        System.arraycopy(marker, 0, copy, content.length, marker.length);
        return copy;
    }

    private StoredFiles.Uploaded uploaded(UUID owner, FilePurpose purpose, String type, String name, byte[] content) {
        StoredFiles.Uploaded file = files.upload(owner, purpose, type, name, content);
        accounts.awaitProjected(FilesProjection.PROCESSING_GROUP, file.token());
        return file;
    }

    @Test
    void theOwnerDownloadsWithSafeHeadersAndOthersGet404() {
        UUID owner = UUID.randomUUID();
        byte[] content = unique(PDF);
        StoredFiles.Uploaded file = uploaded(owner, FilePurpose.ATTACHMENT, "application/pdf", "Übung 1.pdf", content);

        ApiClient.Response response = as(owner).get("/api/files/" + file.fileId());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body().getBytes(StandardCharsets.ISO_8859_1)).isNotEmpty();
        assertThat(response.body()).isEqualTo(new String(content, StandardCharsets.UTF_8));
        assertThat(response.contentType()).isEqualTo("application/pdf");
        assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.header("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"_bung 1.pdf\"; filename*=UTF-8''%C3%9Cbung%201.pdf");
        assertThat(response.header("ETag")).contains("\"" + file.hash() + "\"");
        assertThat(response.header("Accept-Ranges")).contains("bytes");
        assertThat(response.header("Content-Security-Policy").orElseThrow()).contains("sandbox");

        ApiClient.Response meta = as(owner).get("/api/files/" + file.fileId() + "/meta");
        assertThat(meta.json().get("fileName").asText()).isEqualTo("Übung 1.pdf");
        assertThat(meta.json().get("size").asLong()).isEqualTo(content.length);
        assertThat(meta.json().get("contentType").asText()).isEqualTo("application/pdf");

        UUID stranger = UUID.randomUUID();
        assertProblem(as(stranger).get("/api/files/" + file.fileId()), 404, "NOT_FOUND");
        assertProblem(as(stranger).get("/api/files/" + file.fileId() + "/meta"), 404, "NOT_FOUND");
        assertProblem(as(owner).get("/api/files/" + UUID.randomUUID()), 404, "NOT_FOUND");
    }

    @Test
    void rangesAnswer206WithExactlyThoseBytesAndTheETagRevalidates() {
        UUID owner = UUID.randomUUID();
        byte[] content = unique(PDF);
        StoredFiles.Uploaded file = uploaded(owner, FilePurpose.ATTACHMENT, "application/pdf", "notes.pdf", content);

        ApiClient.Response part = as(owner).withHeader("Range", "bytes=5-14").get("/api/files/" + file.fileId());

        assertThat(part.status()).as(part.toString()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(new String(content, 5, 10, StandardCharsets.US_ASCII));
        assertThat(part.header("Content-Range")).contains("bytes 5-14/" + content.length);
        ApiClient.Response tail = as(owner).withHeader("Range", "bytes=-6").get("/api/files/" + file.fileId());
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(new String(content, content.length - 6, 6, StandardCharsets.US_ASCII));

        ApiClient.Response unchanged =
                as(owner).withHeader("If-None-Match", "\"" + file.hash() + "\"").get("/api/files/" + file.fileId());
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
    }

    @Test
    void rangesAreWrittenByTheConverterThatReadsOnlyTheirBytesFromTheStore() {
        // Spring MVC writes with the first converter that can: Boot puts ours just before Spring's own
        assertThat(handlerAdapter.getMessageConverters())
                .filteredOn(ResourceRegionHttpMessageConverter.class::isInstance)
                .first()
                .isInstanceOf(BlobRegionHttpMessageConverter.class);
    }

    @Test
    void severalRangesAnswerMultipartByterangesInTheOrderAsked() {
        UUID owner = UUID.randomUUID();
        byte[] content = unique(PDF);
        StoredFiles.Uploaded file = uploaded(owner, FilePurpose.ATTACHMENT, "application/pdf", "notes.pdf", content);
        int last = content.length - 1;

        ApiClient.Response parts = as(owner)
                .withHeader("Range", "bytes=100-109,0-3," + (last - 4) + "-")
                .get("/api/files/" + file.fileId());

        assertThat(parts.status()).as(parts.toString()).isEqualTo(206);
        assertThat(parts.contentType()).startsWith("multipart/byteranges; boundary=");
        String boundary = parts.contentType().substring("multipart/byteranges; boundary=".length());
        assertThat(parts.body())
                .isEqualTo(part(boundary, content, 100, 109) + part(boundary, content, 0, 3)
                        + part(boundary, content, last - 4, last) + "\r\n--" + boundary + "--");
    }

    /** Issue 13, item 11: a thousand ranges (Tomcat's limit is far below) is refused with a problem, not an HTML page. */
    @Test
    void aThousandRangesAreRefusedWithAProblem() {
        UUID owner = UUID.randomUUID();
        byte[] content = unique(PDF);
        StoredFiles.Uploaded file = uploaded(owner, FilePurpose.ATTACHMENT, "application/pdf", "notes.pdf", content);
        StringBuilder ranges = new StringBuilder("bytes=0-0");
        for (int i = 1; i < 1000; i++) {
            ranges.append(',').append(i % content.length).append('-').append(i % content.length);
        }

        ApiClient.Response answer =
                as(owner).withHeader("Range", ranges.toString()).get("/api/files/" + file.fileId());

        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("<html", "Exception", "\tat ");
    }

    private static String part(String boundary, byte[] content, int first, int last) {
        return "\r\n--" + boundary + "\r\nContent-Type: application/pdf\r\nContent-Range: bytes " + first + "-" + last
                + "/" + content.length + "\r\n\r\n"
                + new String(content, first, last - first + 1, StandardCharsets.US_ASCII);
    }

    @Test
    void aRangeBeyondTheEndIs416AndAMatchingETagStill304() {
        UUID owner = UUID.randomUUID();
        byte[] content = unique(PDF);
        StoredFiles.Uploaded file = uploaded(owner, FilePurpose.ATTACHMENT, "application/pdf", "notes.pdf", content);

        ApiClient.Response beyond =
                as(owner).withHeader("Range", "bytes=" + content.length + "-").get("/api/files/" + file.fileId());
        assertThat(beyond.status()).as(beyond.toString()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).contains("bytes */" + content.length);
        assertThat(beyond.contentType()).startsWith("application/problem+json");
        assertThat(beyond.json().get("code").asText()).isEqualTo("RANGE_NOT_SATISFIABLE");
        assertThat(beyond.body()).as("not the file").doesNotContain("%PDF");

        ApiClient.Response unchanged = as(owner)
                .withHeader("Range", "bytes=0-9")
                .withHeader("If-None-Match", "\"" + file.hash() + "\"")
                .get("/api/files/" + file.fileId());
        assertThat(unchanged.status()).isEqualTo(304);
    }

    /** RFC 9110 13.1.5 and 14.2: a range of another representation, or in a unit we do not know, means all of it. */
    @Test
    void aRangeIsServedOnlyForTheSameETagAndInBytes() {
        UUID owner = UUID.randomUUID();
        byte[] content = unique(PDF);
        StoredFiles.Uploaded file = uploaded(owner, FilePurpose.ATTACHMENT, "application/pdf", "notes.pdf", content);
        String path = "/api/files/" + file.fileId();

        ApiClient.Response same = as(owner)
                .withHeader("Range", "bytes=0-9")
                .withHeader("If-Range", "\"" + file.hash() + "\"")
                .get(path);
        assertThat(same.status()).as(same.toString()).isEqualTo(206);
        assertThat(same.body()).isEqualTo(new String(content, 0, 10, StandardCharsets.US_ASCII));

        for (String validator : List.of("\"another\"", "W/\"" + file.hash() + "\"", "Wed, 21 Oct 2026 07:28:00 GMT")) {
            ApiClient.Response other = as(owner)
                    .withHeader("Range", "bytes=0-9")
                    .withHeader("If-Range", validator)
                    .get(path);
            assertThat(other.status()).as(validator).isEqualTo(200);
            assertThat(other.body()).as(validator).isEqualTo(new String(content, StandardCharsets.US_ASCII));
            assertThat(other.header("Content-Length")).as(validator).contains(Integer.toString(content.length));
        }
        ApiClient.Response garbled = as(owner)
                .withHeader("Range", "bytes=0-9")
                .withHeader("If-None-Match", "not an etag, \"unclosed")
                .get(path);
        assertThat(garbled.status()).as(garbled.toString()).isEqualTo(206);
        ApiClient.Response items = as(owner).withHeader("Range", "items=0-9").get(path);
        assertThat(items.status()).as(items.toString()).isEqualTo(200);
        assertThat(items.body()).isEqualTo(new String(content, StandardCharsets.US_ASCII));
    }

    @Test
    void anAttachmentIsVisibleToTheGroupsMembersAndNotToOutsiders() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID outsider = UUID.randomUUID();
        Groups.Created group = groups.create(owner, "Biology", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10);
        accounts.awaitProjected("groups", groups.join(group.groupId(), member));
        StoredFiles.Uploaded file =
                uploaded(owner, FilePurpose.ATTACHMENT, "application/pdf", "cells.pdf", unique(PDF));
        String path = "/api/files/" + file.fileId();
        assertProblem(as(member).get(path), 404, "NOT_FOUND");

        UUID messageId = UUID.randomUUID();
        ConsistencyToken posted = groups.write(
                group.groupId(),
                GroupDecisions.post(
                        group.groupId(), messageId, owner, "see attached", null, List.of(), List.of(file.fileId())));
        accounts.awaitProjected(FilesProjection.PROCESSING_GROUP, posted);

        assertThat(as(member).get(path).status()).isEqualTo(200);
        assertThat(as(member).get(path + "/meta").status()).isEqualTo(200);
        assertProblem(as(outsider).get(path), 404, "NOT_FOUND");

        accounts.awaitProjected("groups", groups.leave(group.groupId(), member));
        assertProblem(as(member).get(path), 404, "NOT_FOUND");

        ConsistencyToken deleted =
                groups.write(group.groupId(), GroupDecisions.delete(group.groupId(), messageId, owner, false));
        accounts.awaitProjected(FilesProjection.PROCESSING_GROUP, deleted);
        assertThat(as(owner).get(path).status()).isEqualTo(200);
    }

    /** Most messages share nothing: files does not take them in, and a read with one's token is not held up. */
    @Test
    void aMessageWithoutAttachmentsIsNotTakenInAndItsTokenIsMetAtOnce() {
        UUID owner = UUID.randomUUID();
        UUID groupId = groups.create(owner, "Plain talk", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10)
                .groupId();
        StoredFiles.Uploaded file =
                uploaded(owner, FilePurpose.ATTACHMENT, "application/pdf", "plain.pdf", unique(PDF));
        double before = messagesTakenIn();

        groups.write(groupId, GroupDecisions.post(groupId, UUID.randomUUID(), owner, "nothing attached"));
        ConsistencyToken attached = groups.write(
                groupId,
                GroupDecisions.post(
                        groupId, UUID.randomUUID(), owner, "see attached", null, List.of(), List.of(file.fileId())));
        accounts.awaitProjected(FilesProjection.PROCESSING_GROUP, attached);
        await().atMost(Duration.ofSeconds(5)).until(() -> messagesTakenIn() - before >= 1);
        assertThat(messagesTakenIn() - before)
                .as("only the message with an attachment")
                .isEqualTo(1);

        ConsistencyToken plain =
                groups.write(groupId, GroupDecisions.post(groupId, UUID.randomUUID(), owner, "still nothing"));
        long started = System.nanoTime();
        ApiClient.Response meta = as(owner)
                .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(plain))
                .get("/api/files/" + file.fileId() + "/meta");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(meta.status()).as(meta.toString()).isEqualTo(200);
        assertThat(meta.header(ConsistencyToken.STATUS_HEADER)).isEmpty();
        assertThat(took).isLessThan(Duration.ofMillis(QuerySideIT.MAX_WAIT_MILLIS / 2));
    }

    private double messagesTakenIn() {
        return HandledEvents.count(meters, FilesProjection.PROCESSING_GROUP, GroupMessagePostedEvent.class);
    }

    @Test
    void aDirectMessageSharesItsAttachmentWithTheTwoFriendsOnly() {
        UUID ann = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        friendships.request(ann, ben);
        friendships.accept(ann, ben);
        StoredFiles.Uploaded file = uploaded(
                ann,
                FilePurpose.ATTACHMENT,
                "text/plain",
                "list.txt",
                ("todo " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));

        ConsistencyToken sent = friendships.publish(
                ann,
                ben,
                new DirectMessageSentEvent(
                        FriendshipId.of(ann, ben), UUID.randomUUID(), ann, ben, "here", null, List.of(file.fileId())));
        accounts.awaitProjected(FilesProjection.PROCESSING_GROUP, sent);

        assertThat(as(ben).get("/api/files/" + file.fileId()).status()).isEqualTo(200);
        assertProblem(as(UUID.randomUUID()).get("/api/files/" + file.fileId()), 404, "NOT_FOUND");
    }

    @Test
    void avatarsAreForAnyoneSignedInWithThumbnailsAndGoneOnceDeleted() {
        UUID owner = accounts.register(UserAccounts.uniqueUsername("avatar"), "Ava Tar")
                .userId();
        byte[] png = unique(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        StoredFiles.Uploaded file = uploaded(owner, FilePurpose.AVATAR, "image/png", "me.png", png);
        byte[] thumbnail = ("thumbnail-64 " + file.hash()).getBytes(StandardCharsets.US_ASCII);
        files.storeThumbnail(file.hash(), 64, thumbnail);
        UUID someone = UUID.randomUUID();

        ApiClient.Response full = as(someone).get("/api/files/" + file.fileId());
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.header("Content-Disposition").orElseThrow()).startsWith("inline;");
        ApiClient.Response small = as(someone).get("/api/files/" + file.fileId() + "?size=64");
        assertThat(small.status()).as(small.toString()).isEqualTo(200);
        assertThat(small.contentType()).isEqualTo("image/png");
        assertThat(small.body()).isEqualTo(new String(thumbnail, StandardCharsets.US_ASCII));
        assertProblem(as(someone).get("/api/files/" + file.fileId() + "?size=256"), 404, "NOT_FOUND");
        assertProblem(as(someone).get("/api/files/" + file.fileId() + "?size=100"), 400, "VALIDATION_FAILED");

        ConsistencyToken changed = accounts.publish(owner, new AvatarChangedEvent(owner, file.fileId()));
        accounts.awaitProjected("users", changed);
        assertThat(as(someone)
                        .get("/api/users/" + owner)
                        .json()
                        .get("avatarFileId")
                        .asText())
                .isEqualTo(file.fileId().toString());

        accounts.awaitProjected(FilesProjection.PROCESSING_GROUP, files.delete(file, owner, png.length));
        assertProblem(as(owner).get("/api/files/" + file.fileId()), 404, "NOT_FOUND");
        assertProblem(as(someone).get("/api/files/" + file.fileId() + "/meta"), 404, "NOT_FOUND");
    }

    @Test
    void messagesShowTheirAttachmentsInFramesAndHistoryAndARemovedFileAsRemoved() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        Groups.Created group = groups.create(owner, "Chemistry", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10);
        accounts.awaitProjected("groups", groups.join(group.groupId(), member));
        byte[] notes = unique(PDF);
        StoredFiles.Uploaded kept = uploaded(owner, FilePurpose.ATTACHMENT, "application/pdf", "notes.pdf", notes);
        StoredFiles.Uploaded removed =
                uploaded(owner, FilePurpose.ATTACHMENT, "application/pdf", "draft.pdf", unique(PDF));

        try (StompClients.Client client =
                StompClients.connected(port, TestTokenIssuer.get().accessToken(member))) {
            client.subscribe("/topic/groups." + group.groupId());
            Thread.sleep(500);
            UUID messageId = UUID.randomUUID();
            ConsistencyToken posted = groups.write(
                    group.groupId(),
                    GroupDecisions.post(
                            group.groupId(),
                            messageId,
                            owner,
                            "two drafts",
                            null,
                            List.of(),
                            List.of(kept.fileId(), removed.fileId())));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.framesOf("message.posted").size() == 1);
            JsonNode framed = client.framesOf("message.posted").get(0).at("/message/attachments");
            assertThat(framed).hasSize(2);
            assertThat(framed.get(0).get("fileId").asText())
                    .isEqualTo(kept.fileId().toString());
            assertThat(framed.get(0).get("fileName").asText()).isEqualTo("notes.pdf");
            assertThat(framed.get(0).get("contentType").asText()).isEqualTo("application/pdf");
            assertThat(framed.get(0).get("size").asLong()).isEqualTo(notes.length);
            assertThat(framed.get(0).get("removed").asBoolean()).isFalse();
            assertThat(framed.get(1).get("fileName").asText()).isEqualTo("draft.pdf");

            accounts.awaitProjected(FilesProjection.PROCESSING_GROUP, files.delete(removed, owner, 10));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> client.framesOf("attachment.removed").size() == 1);
            JsonNode removal = client.framesOf("attachment.removed").get(0);
            assertThat(removal.get("fileId").asText())
                    .isEqualTo(removed.fileId().toString());
            assertThat(removal.get("messageId").asText()).isEqualTo(messageId.toString());
            assertThat(removal.get("seq").asLong()).isEqualTo(posted.sequence());
            ApiClient.Response history = as(member)
                    .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(posted))
                    .get("/api/groups/" + group.groupId() + "/messages");
            JsonNode shown = history.json().at("/items/0/attachments");
            assertThat(shown.get(0).get("fileName").asText()).isEqualTo("notes.pdf");
            assertThat(shown.get(0).get("removed").asBoolean()).isFalse();
            assertThat(shown.get(1).get("fileId").asText())
                    .isEqualTo(removed.fileId().toString());
            assertThat(shown.get(1).get("removed").asBoolean()).isTrue();
            assertThat(shown.get(1).get("fileName").isNull()).isTrue();
        }
    }
}
