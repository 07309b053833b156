package dev.studybuddy.command.file;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.file.FileRegisteredEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.user.AvatarChangedEvent;
import dev.studybuddy.api.user.AvatarRemovedEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.Groups;
import dev.studybuddy.command.support.Multipart;
import dev.studybuddy.platform.files.BlobKeys;
import dev.studybuddy.platform.files.BlobStore;
import dev.studybuddy.platform.files.LocalDiskBlobStore;
import dev.studybuddy.testing.ApiClient;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Uploads over real HTTP into the local blob store (target/test-uploads); quota is 12 MB here. */
@CommandSideIT
class FilesIT {

    private static final int MB = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    BlobStore blobs;

    @Autowired
    UploadRateLimits rateLimits;

    private ApiClient.Response upload(SignedInUser user, String purpose, String name, byte[] content) {
        return Multipart.upload(port, user.api(), purpose, name, content);
    }

    private UUID uploaded(SignedInUser user, String purpose, String name, byte[] content) {
        ApiClient.Response response = upload(user, purpose, name, content);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("fileId").asText());
    }

    private FileRegisteredEvent registration(UUID fileId) {
        return (FileRegisteredEvent) stream(fileId).get(0).getPayload();
    }

    private List<DomainEventMessage<?>> stream(Object aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(aggregateId.toString()).forEachRemaining(events::add);
        return events;
    }

    private static byte[] text(int bytes) {
        byte[] line = (UUID.randomUUID() + " studying is fun\n").getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            content[i] = line[i % line.length];
        }
        return content;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private Path root() {
        return ((LocalDiskBlobStore) blobs).root();
    }

    @Test
    void anUploadIsStoredUnderItsHashWithTheDetectedTypeAndAToken() throws Exception {
        SignedInUser ann = Accounts.signedIn(port, "upann");
        byte[] png = TestImages.png(120, 80);

        ApiClient.Response response = upload(ann, "ATTACHMENT", "diagram.png", png);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("X-Consistency-Token")).isPresent();
        JsonNode body = response.json();
        assertThat(body.get("contentType").asText()).isEqualTo("image/png");
        assertThat(body.get("size").asLong()).isEqualTo(png.length);
        FileRegisteredEvent event =
                registration(UUID.fromString(body.get("fileId").asText()));
        String hash = sha256(png);
        assertThat(event.contentHash()).isEqualTo(hash);
        assertThat(event.ownerId()).isEqualTo(ann.id());
        assertThat(event.fileName()).isEqualTo("diagram.png");
        Path blob = root().resolve(hash.substring(0, 2))
                .resolve(hash.substring(2, 4))
                .resolve(hash);
        assertThat(blob).exists().hasBinaryContent(png);
    }

    @Test
    void traversalAndControlCharactersInNamesAreKeptAsHarmlessMetadataOnly() throws Exception {
        SignedInUser ann = Accounts.signedIn(port, "uptraversal");
        byte[] content = text(2000);
        Path outside = root().getParent().resolve("etc");

        UUID traversal = uploaded(ann, "ATTACHMENT", "../../etc/passwd", content);
        UUID withControls = uploaded(ann, "ATTACHMENT", "no\u0007tes\u001b\u202e.txt", text(300));
        // Tomcat's multipart parser refuses a NUL in a part's headers before we see it (FileNamesTest: we drop it too).
        assertProblem(upload(ann, "ATTACHMENT", "raw\u0000nul.txt", text(300)), 400, "MALFORMED_REQUEST");

        assertThat(registration(traversal).fileName()).isEqualTo("passwd");
        assertThat(registration(withControls).fileName()).isEqualTo("notes.txt");
        assertThat(outside).doesNotExist();
        try (Stream<Path> all = Files.walk(root())) {
            assertThat(all.filter(Files::isRegularFile)
                            .map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.contains("passwd") || name.contains("notes"));
        }
        assertThat(blobs.exists(BlobKeys.content(sha256(content)))).isTrue();
    }

    @Test
    void theSameBytesAreStoredOnceHoweverOftenTheyAreUploaded() throws Exception {
        SignedInUser ann = Accounts.signedIn(port, "updedupa");
        SignedInUser ben = Accounts.signedIn(port, "updedupb");
        byte[] content = text(5000);

        UUID first = uploaded(ann, "ATTACHMENT", "a.txt", content);
        Path blob = root().resolve(BlobKeys.content(sha256(content)));
        var storedAt = Files.getLastModifiedTime(blob);
        UUID second = uploaded(ben, "ATTACHMENT", "b.txt", content);

        assertThat(first).isNotEqualTo(second);
        assertThat(registration(first).contentHash())
                .isEqualTo(registration(second).contentHash());
        assertThat(Files.getLastModifiedTime(blob)).isEqualTo(storedAt);
        String hash = sha256(content);
        try (Stream<Path> shard = Files.list(blob.getParent())) {
            assertThat(shard.filter(path -> path.getFileName().toString().equals(hash)))
                    .hasSize(1);
        }
    }

    @Test
    void bytesNoLiveFileUsesAreRemovedOnceTheGracePeriodIsOverAndSharedBytesAreKept(
            @Autowired BlobGarbageCollector collector) throws Exception {
        SignedInUser ann = Accounts.signedIn(port, "upgc");
        byte[] notes = text(2000);
        UUID first = uploaded(ann, "ATTACHMENT", "a.txt", notes);
        UUID second = uploaded(ann, "ATTACHMENT", "b.txt", notes);
        byte[] png = TestImages.noisyPng(300, 200);
        UUID avatar = uploaded(ann, "AVATAR", "me.png", png);
        String notesKey = BlobKeys.content(sha256(notes));
        List<String> avatarKeys = List.of(
                BlobKeys.content(sha256(png)),
                BlobKeys.thumbnail(sha256(png), 64),
                BlobKeys.thumbnail(sha256(png), 256));
        assertThat(avatarKeys)
                .allSatisfy(key -> assertThat(blobs.exists(key)).as(key).isTrue());
        Instant afterTheGrace = Instant.now().plusSeconds(60);

        assertThat(ann.api().delete("/api/files/" + first).status()).isEqualTo(204);
        collector.collect(afterTheGrace);
        assertThat(blobs.exists(notesKey)).as("still used by the second file").isTrue();

        assertThat(ann.api().delete("/api/files/" + second).status()).isEqualTo(204);
        assertThat(ann.api().delete("/api/files/" + avatar).status()).isEqualTo(204);
        collector.collect(Instant.now().minusSeconds(60));
        assertThat(blobs.exists(notesKey)).as("stored within the grace period").isTrue();

        collector.collect(afterTheGrace);
        assertThat(blobs.exists(notesKey)).isFalse();
        assertThat(avatarKeys)
                .allSatisfy(key -> assertThat(blobs.exists(key)).as(key).isFalse());

        UUID again = uploaded(ann, "ATTACHMENT", "c.txt", notes);
        assertThat(blobs.exists(notesKey))
                .as("stored anew by a later upload of the same bytes")
                .isTrue();
        assertThat(registration(again).contentHash()).isEqualTo(sha256(notes));
    }

    @Test
    void filesOverTheLimitOfTheirPurposeAre413() {
        SignedInUser ann = Accounts.signedIn(port, "upbig");

        assertProblem(upload(ann, "ATTACHMENT", "big.txt", text(10 * MB + 1)), 413, "PAYLOAD_TOO_LARGE");
        assertProblem(upload(ann, "AVATAR", "me.png", TestImages.noisyPng(800, 800)), 413, "PAYLOAD_TOO_LARGE");
        assertThat(upload(ann, "ATTACHMENT", "fits.txt", text(10 * MB)).status())
                .isEqualTo(201);
    }

    @Test
    void theQuotaCountsLiveFilesOnly() {
        SignedInUser ann = Accounts.signedIn(port, "upquota");
        UUID big = uploaded(ann, "ATTACHMENT", "one.txt", text(8 * MB));

        assertProblem(upload(ann, "ATTACHMENT", "two.txt", text(5 * MB)), 413, "STORAGE_QUOTA_EXCEEDED");

        assertThat(ann.api().delete("/api/files/" + big).status()).isEqualTo(204);
        assertThat(upload(ann, "ATTACHMENT", "two.txt", text(5 * MB)).status()).isEqualTo(201);
    }

    @Test
    void typesComeFromTheContentAndLyingNamesAre415() {
        SignedInUser ann = Accounts.signedIn(port, "uptype");
        byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);

        assertProblem(upload(ann, "ATTACHMENT", "cat.png", html), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(upload(ann, "ATTACHMENT", "page.html", html), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(
                upload(ann, "ATTACHMENT", "tool.bin", new byte[] {0x4d, 0x5a, (byte) 0x90, 0, 3, 0, 0, 0, 4, 0}),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(upload(ann, "AVATAR", "me.txt", text(100)), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(upload(ann, "ATTACHMENT", "empty.txt", new byte[0]), 400, "VALIDATION_FAILED");
        assertProblem(upload(ann, "SOMETHING", "a.txt", text(10)), 400, "MALFORMED_REQUEST");
    }

    @Test
    void aMissingFileOrPurposeIsNamed() {
        SignedInUser ann = Accounts.signedIn(port, "upmissing");

        ApiClient.Response noPurpose = upload(ann, null, "a.txt", text(10));
        assertProblem(noPurpose, 400, "MALFORMED_REQUEST");
        assertThat(noPurpose.json().get("errors").get("purpose").asText()).isEqualTo("is required");
        ApiClient.Response noFile = upload(ann, "ATTACHMENT", null, null);
        assertProblem(noFile, 400, "MALFORMED_REQUEST");
        assertThat(noFile.json().get("detail").asText()).isEqualTo("file is required.");
    }

    @Test
    void onlyTheOwnerDeletesAndToOthersTheFileIsNotThere() {
        SignedInUser ann = Accounts.signedIn(port, "updelann");
        SignedInUser ben = Accounts.signedIn(port, "updelben");
        UUID file = uploaded(ann, "ATTACHMENT", "mine.txt", text(100));

        assertProblem(ben.api().delete("/api/files/" + file), 404, "NOT_FOUND");
        assertThat(ann.api().delete("/api/files/" + file).status()).isEqualTo(204);
        assertProblem(ann.api().delete("/api/files/" + file), 404, "NOT_FOUND");
        assertProblem(ann.api().delete("/api/files/" + UUID.randomUUID()), 404, "NOT_FOUND");
    }

    @Test
    void messagesCarryOnlyTheSendersOwnLiveFiles() {
        SignedInUser ann = Accounts.signedIn(port, "upattann");
        SignedInUser ben = Accounts.signedIn(port, "upattben");
        UUID group = Groups.openWith(ann, "Physics", ben);
        UUID annsFile = uploaded(ann, "ATTACHMENT", "sheet.txt", text(100));
        UUID bensFile = uploaded(ben, "ATTACHMENT", "other.txt", text(100));
        String messages = "/api/groups/" + group + "/messages";

        assertProblem(
                ann.api().post(messages, Map.of("body", "look", "attachments", List.of(bensFile))),
                422,
                "RULE_VIOLATED");
        assertProblem(
                ann.api().post(messages, Map.of("body", "look", "attachments", List.of(UUID.randomUUID()))),
                422,
                "RULE_VIOLATED");
        ApiClient.Response posted = ann.api().post(messages, Map.of("body", "look", "attachments", List.of(annsFile)));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        GroupMessagePostedEvent event = stream(group).stream()
                .map(DomainEventMessage::getPayload)
                .filter(GroupMessagePostedEvent.class::isInstance)
                .map(GroupMessagePostedEvent.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(event.attachments()).containsExactly(annsFile);

        assertThat(ann.api().delete("/api/files/" + annsFile).status()).isEqualTo(204);
        assertProblem(
                ann.api().post(messages, Map.of("body", "again", "attachments", List.of(annsFile))),
                422,
                "RULE_VIOLATED");
    }

    @Test
    void anAvatarGoesWhenItsUserTakesItAwayOrDeletesItsFile() throws Exception {
        SignedInUser ann = Accounts.signedIn(port, "avgone");
        UUID first = uploaded(ann, "AVATAR", "first.png", TestImages.png(40, 40));
        UUID second = uploaded(ann, "AVATAR", "second.png", TestImages.png(41, 41));

        assertThat(ann.api()
                        .put("/api/users/me/avatar", Map.of("fileId", first))
                        .status())
                .isEqualTo(204);
        ApiClient.Response removed = ann.api().delete("/api/users/me/avatar");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(removed.header("X-Consistency-Token")).isPresent();
        assertThat(ann.api().delete("/api/users/me/avatar").status()).isEqualTo(204);
        assertThat(ann.api()
                        .put("/api/users/me/avatar", Map.of("fileId", second))
                        .status())
                .isEqualTo(204);
        assertThat(ann.api().delete("/api/files/" + first).status()).isEqualTo(204);
        assertThat(ann.api().delete("/api/files/" + second).status()).isEqualTo(204);

        assertThat(avatarEventsOf(ann.id()))
                .containsExactly(
                        new AvatarChangedEvent(ann.id(), first),
                        new AvatarRemovedEvent(ann.id(), first),
                        new AvatarChangedEvent(ann.id(), second),
                        new AvatarRemovedEvent(ann.id(), second));
        assertProblem(ann.api().put("/api/users/me/avatar", Map.of("fileId", second)), 422, "RULE_VIOLATED");
    }

    /** Made the avatar and deleted at once, a file is never left the avatar: one of the two waits for the other. */
    @Test
    void anAvatarIsNeverADeletedFile() throws Exception {
        SignedInUser ben = Accounts.signedIn(port, "avrace");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                UUID file = uploaded(ben, "AVATAR", "race.png", TestImages.png(42 + round, 42));
                Future<ApiClient.Response> made =
                        threads.submit(() -> ben.api().put("/api/users/me/avatar", Map.of("fileId", file)));
                Future<ApiClient.Response> deleted =
                        threads.submit(() -> ben.api().delete("/api/files/" + file));
                assertThat(deleted.get(60, TimeUnit.SECONDS).status()).isEqualTo(204);
                assertThat(made.get(60, TimeUnit.SECONDS).status()).isIn(204, 422);
            }
        } finally {
            threads.shutdownNow();
        }
        UUID avatar = null;
        for (Object event : avatarEventsOf(ben.id())) {
            avatar = event instanceof AvatarChangedEvent changed ? changed.fileId() : null;
        }
        assertThat(avatar).as("the avatar after every file was deleted").isNull();
    }

    private List<Object> avatarEventsOf(UUID userId) {
        return stream(userId).stream()
                .<Object>map(DomainEventMessage::getPayload)
                .filter(payload -> payload instanceof AvatarChangedEvent || payload instanceof AvatarRemovedEvent)
                .toList();
    }

    @Test
    void anAvatarIsAnOwnAvatarUploadWithThumbnails() throws Exception {
        SignedInUser ann = Accounts.signedIn(port, "upavatar");
        SignedInUser ben = Accounts.signedIn(port, "upavatarb");
        byte[] png = TestImages.png(600, 300);
        UUID avatar = uploaded(ann, "AVATAR", "me.png", png);
        UUID attachment = uploaded(ann, "ATTACHMENT", "photo.png", TestImages.png(30, 30));
        UUID bensAvatar = uploaded(ben, "AVATAR", "ben.png", TestImages.png(31, 31));

        assertProblem(ann.api().put("/api/users/me/avatar", Map.of("fileId", attachment)), 422, "RULE_VIOLATED");
        assertProblem(ann.api().put("/api/users/me/avatar", Map.of("fileId", bensAvatar)), 422, "RULE_VIOLATED");
        ApiClient.Response changed = ann.api().put("/api/users/me/avatar", Map.of("fileId", avatar));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(changed.header("X-Consistency-Token")).isPresent();

        assertThat(stream(ann.id()).stream()
                        .<Object>map(DomainEventMessage::getPayload)
                        .toList())
                .contains(new AvatarChangedEvent(ann.id(), avatar));
        String hash = sha256(png);
        for (int size : List.of(64, 256)) {
            try (InputStream in = blobs.open(BlobKeys.thumbnail(hash, size))) {
                BufferedImage thumbnail = ImageIO.read(in);
                assertThat(thumbnail.getWidth()).isEqualTo(size);
                assertThat(thumbnail.getHeight()).isEqualTo(size / 2);
            }
        }
    }

    @Test
    void eachUserHasABudgetOfAvatarUploadsWhichSpentLeavesOthersAndAttachmentsUntouched() {
        SignedInUser ann = Accounts.signedIn(port, "uprate");
        SignedInUser ben = Accounts.signedIn(port, "upratebe");
        byte[] png = TestImages.png(40, 40);
        int budget = rateLimits.avatars().attempts();
        for (int upload = 0; upload < budget; upload++) {
            uploaded(ann, "AVATAR", "me.png", png);
        }
        // the bucket refills evenly over a minute: on a slow machine one more may have dripped in meanwhile
        ApiClient.Response refused = upload(ann, "AVATAR", "me.png", png);
        for (int extra = 0; refused.status() == 201 && extra < 2; extra++) {
            refused = upload(ann, "AVATAR", "me.png", png);
        }

        assertProblem(refused, 429, "RATE_LIMITED");
        assertThat(refused.header("Retry-After"))
                .as(refused.toString())
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(upload(ben, "AVATAR", "ben.png", png).status())
                .as("another user's budget")
                .isEqualTo(201);
        assertThat(upload(ann, "ATTACHMENT", "notes.png", png).status())
                .as("attachments' own budget")
                .isEqualTo(201);
    }

    @Test
    void anImageThatCannotBeDecodedIsNoAvatar() throws IOException {
        SignedInUser ann = Accounts.signedIn(port, "upbroken");
        byte[] png = TestImages.png(50, 50);
        byte[] truncated = java.util.Arrays.copyOf(png, 40);
        assertProblem(upload(ann, "AVATAR", "broken.png", truncated), 415, "UNSUPPORTED_MEDIA_TYPE");
        byte[] gifWithoutAnImage = java.util.Base64.getDecoder()
                .decode(
                        "R0lGODlhKAAeAPAAAAAAAAAAADv5BAEAAAAALAAAAAAoAB4AQAg6AAEIHEiwoMGDCBMqXMiwocOHECNKnEixosWLGDNq3Mixo8"
                                + "ePIEOKHEmypMmTKFOqXMmypcuXMDEGBAA7");
        assertProblem(upload(ann, "AVATAR", "broken.gif", gifWithoutAnImage), 415, "UNSUPPORTED_MEDIA_TYPE");
    }
}
