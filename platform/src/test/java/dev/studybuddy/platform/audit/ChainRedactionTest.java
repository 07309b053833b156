package dev.studybuddy.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.api.group.GroupMessageEditedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.platform.personaldata.DataKeys;
import dev.studybuddy.platform.personaldata.PlainFields;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The walk of one stream by the redaction of plain personal fields: what it seals and relinks, and the streams it
 * refuses to touch.
 */
class ChainRedactionTest {

    private static final EventEntryConfiguration FIELDS = EventEntryConfiguration.getDefault();
    private static final String POSTED = GroupMessagePostedEvent.class.getName();
    private static final String EDITED = GroupMessageEditedEvent.class.getName();

    private final Map<UUID, SecretKey> keys = new HashMap<>();
    private final PlainFields plainFields = new PlainFields(new DataKeys() {
        @Override
        public Optional<SecretKey> find(UUID subject) {
            return Optional.ofNullable(keys.get(subject));
        }

        @Override
        public Optional<SecretKey> forSealing(UUID subject) {
            return find(subject);
        }
    });
    private final UUID alice = keyed(UUID.randomUUID());
    private final UUID erased = UUID.randomUUID();
    private final List<Document> stream = new ArrayList<>();

    @Test
    void plainFieldsAreSealedAndTheChainIsLinkedAnewFromTheFirstOneKeepingTheFormerHashes() {
        append("{\"groupId\":\"g\",\"name\":\"Algebra\"}", "dev.studybuddy.api.group.GroupCreatedEvent", alice);
        append(posted(alice, "alice's secret"), POSTED, alice);
        append("{\"messageId\":\"m\",\"body\":\"alice edited it\"}", EDITED, alice);
        append(posted(erased, "from an erased user"), POSTED, erased);
        String formerHead = hash(3);
        String firstUntouched = hash(0);
        ChainRedaction dryRun = new ChainRedaction("r1", plainFields, FIELDS, true);
        assertThat(dryRun.walk(stream)).isEmpty();
        assertThat(dryRun.outcome().rewritten()).isEqualTo(3);
        assertThat(stream.toString()).contains("secret");

        ChainRedaction walk = walk();
        apply(walk.walk(stream));
        ChainRedaction.Outcome outcome = walk.outcome();

        assertThat(outcome.refusal()).isNull();
        assertThat(outcome.rewritten()).isEqualTo(3);
        assertThat(outcome.sealed()).isEqualTo(2);
        assertThat(outcome.blanked()).isEqualTo(1);
        assertThat(outcome.headBefore()).isEqualTo(formerHead);
        assertThat(outcome.headAfter()).isEqualTo(hash(3)).isNotEqualTo(formerHead);
        assertThat(stream.toString()).doesNotContain("secret", "edited it", "erased user");
        assertThat(verify())
                .isEqualTo(new ChainVerifier.Verification(ChainVerifier.Verification.OK, null, null, 4L, 0L, 3L));
        assertThat(hash(0)).isEqualTo(firstUntouched);
        assertThat(event(3).metaData().path("redaction").path("hashBefore").asText())
                .isEqualTo(formerHead);
        assertThat(event(3).payloadJson().get("body").isNull()).isTrue();
        assertThat(event(2).payloadJson().path("body").path("key").asText()).isEqualTo(alice.toString());

        ChainRedaction again = walk();
        assertThat(again.walk(stream)).isEmpty();
        assertThat(again.outcome().rewritten()).isZero();
    }

    @Test
    void anEventAppendedOnTheFormerHeadWhileTheStreamWasRedactedIsRelinkedByTheNextWalk() {
        append(posted(alice, "alice's secret"), POSTED, alice);
        String formerHead = hash(0);
        apply(walk().walk(stream));
        // a writer that read the head before it was rewritten
        appendAfter(formerHead, posted(alice, "sealed already, say"), POSTED, alice);
        assertThat(verify().status()).isEqualTo(ChainVerifier.Verification.BROKEN);

        ChainRedaction dryRun = new ChainRedaction("r2", plainFields, FIELDS, true);
        assertThat(dryRun.walk(stream)).isEmpty();
        assertThat(dryRun.outcome().refusal()).isNull();
        assertThat(dryRun.outcome().rewritten()).isEqualTo(1);
        ChainRedaction second = walk();
        List<ChainRedaction.Rewrite> relinked = second.walk(stream);
        assertThat(relinked).hasSize(1);
        apply(relinked);

        assertThat(verify().status()).isEqualTo(ChainVerifier.Verification.OK);
    }

    @Test
    void aStreamWhoseChainDoesNotVerifyIsLeftAlone() {
        append(posted(alice, "alice's secret"), POSTED, alice);
        append(posted(alice, "more"), POSTED, alice);
        stream.get(0).put(FIELDS.payloadProperty(), posted(alice, "changed behind the chain's back"));

        ChainRedaction dryRun = new ChainRedaction("r1", plainFields, FIELDS, true);
        dryRun.walk(stream);
        ChainRedaction walk = walk();

        assertThat(dryRun.outcome().refusal()).contains("does not match its hash");
        assertThat(walk.walk(stream)).isEmpty();
        assertThat(walk.outcome().refusal()).contains("does not match its hash");
    }

    private UUID keyed(UUID user) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        keys.put(user, new SecretKeySpec(key, "AES"));
        return user;
    }

    private static String posted(UUID author, String body) {
        return "{\"groupId\":\"g\",\"messageId\":\"" + UUID.randomUUID() + "\",\"authorId\":\"" + author
                + "\",\"body\":\"" + body + "\",\"replyTo\":null,\"mentions\":[],\"attachments\":[]}";
    }

    private ChainRedaction walk() {
        return new ChainRedaction("r1", plainFields, FIELDS, false);
    }

    private void append(String payload, String type, UUID actor) {
        appendAfter(stream.isEmpty() ? EventHashChain.GENESIS : hash(stream.size() - 1), payload, type, actor);
    }

    private void appendAfter(String previous, String payload, String type, UUID actor) {
        long sequence = stream.size();
        String timestamp = "2026-01-01T00:00:0" + sequence + ".000Z";
        String hash = EventHashChain.link(previous, type, payload, sequence, timestamp, actor.toString());
        stream.add(new Document("_id", "e" + sequence)
                .append(FIELDS.eventIdentifierProperty(), "e" + sequence)
                .append(FIELDS.typeProperty(), "Group")
                .append(FIELDS.aggregateIdentifierProperty(), "g")
                .append(FIELDS.sequenceNumberProperty(), sequence)
                .append(FIELDS.timestampProperty(), timestamp)
                .append(FIELDS.payloadTypeProperty(), type)
                .append(FIELDS.payloadProperty(), payload)
                .append(
                        FIELDS.metaDataProperty(),
                        "{\"actor\":\"" + actor + "\",\"hash\":\"" + hash + "\",\"previousHash\":\"" + previous
                                + "\"}"));
    }

    private void apply(List<ChainRedaction.Rewrite> rewrites) {
        for (ChainRedaction.Rewrite rewrite : rewrites) {
            Document document = stream.stream()
                    .filter(candidate -> candidate.get("_id").equals(rewrite.documentId()))
                    .findFirst()
                    .orElseThrow();
            document.put(FIELDS.payloadProperty(), rewrite.payload());
            document.put(FIELDS.metaDataProperty(), rewrite.metaData());
        }
    }

    private StoredEvent event(int sequence) {
        return StoredEvent.of(stream.get(sequence), FIELDS);
    }

    private String hash(int sequence) {
        return event(sequence).hash();
    }

    private ChainVerifier.Verification verify() {
        ChainVerifier verifier = new ChainVerifier();
        stream.forEach(document -> verifier.accept(StoredEvent.of(document, FIELDS)));
        return verifier.verdict();
    }
}
