package dev.studybuddy.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybuddy.api.metadata.MessageMetadata;
import dev.studybuddy.platform.audit.ChainVerifier.Verification;
import dev.studybuddy.platform.eventstore.HashChainingEventStorageEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** The hash chain: appended events are linked, and verification finds what was changed or removed. */
class HashChainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final List<StoredEvent> stored = new ArrayList<>();
    private final HashChainingEventStorageEngine engine = new HashChainingEventStorageEngine(
            new RecordingEngine(),
            serializer,
            (aggregateId, sequence) -> storedAt(aggregateId, sequence)
                    .map(event -> event.hash() == null ? EventHashChain.GENESIS : event.hash()));

    record Renamed(String name, boolean moderation) {}

    @Test
    void aLinkDependsOnEveryField() {
        String link = EventHashChain.link("p", "T", "{}", 1, "2026-01-01T00:00:00.000Z", "a");
        assertThat(link).hasSize(64).isEqualTo(EventHashChain.link("p", "T", "{}", 1, "2026-01-01T00:00:00.000Z", "a"));
        assertThat(List.of(
                        EventHashChain.link("q", "T", "{}", 1, "2026-01-01T00:00:00.000Z", "a"),
                        EventHashChain.link("p", "U", "{}", 1, "2026-01-01T00:00:00.000Z", "a"),
                        EventHashChain.link("p", "T", "{ }", 1, "2026-01-01T00:00:00.000Z", "a"),
                        EventHashChain.link("p", "T", "{}", 2, "2026-01-01T00:00:00.000Z", "a"),
                        EventHashChain.link("p", "T", "{}", 1, "2026-01-01T00:00:00.001Z", "a"),
                        EventHashChain.link("p", "T", "{}", 1, "2026-01-01T00:00:00.000Z", "b"),
                        EventHashChain.link("p", "T", "{}", 1, "2026-01-01T00:00:00.000Z", null)))
                .doesNotContain(link)
                .doesNotHaveDuplicates();
        assertThat(EventHashChain.link("", "TT", "{}", 1, "t", "a"))
                .isNotEqualTo(EventHashChain.link("", "T", "T{}", 1, "t", "a"));
    }

    @Test
    void eventsAppendedInSeveralBatchesFormOneUnbrokenChain() {
        append("g1", 0, 3);
        append("g2", 0, 2);
        append("g1", 3, 2);

        assertThat(verify("g1")).isEqualTo(new Verification(Verification.OK, null, null, 5L, 0L, 0L));
        assertThat(verify("g2").status()).isEqualTo(Verification.OK);
        StoredEvent fourth = event("g1", 3);
        assertThat(fourth.previousHash()).isEqualTo(event("g1", 2).hash());
        assertThat(event("g1", 0).previousHash()).isEqualTo(EventHashChain.GENESIS);
    }

    @Test
    void aModifiedPayloadBreaksTheChainAtThatEvent() {
        append("g", 0, 5);
        StoredEvent original = event("g", 2);
        replace(
                original,
                new StoredEvent(
                        original.eventId(),
                        original.aggregateType(),
                        original.aggregateId(),
                        original.sequence(),
                        original.timestamp(),
                        original.payloadType(),
                        original.revision(),
                        original.payload().replace("name 2", "forged"),
                        original.metaData()));

        assertThat(verify("g")).satisfies(verdict -> {
            assertThat(verdict.status()).isEqualTo(Verification.BROKEN);
            assertThat(verdict.sequence()).isEqualTo(2L);
        });
    }

    @Test
    void aChangedActorBreaksTheChain() {
        append("g", 0, 3);
        StoredEvent original = event("g", 1);
        ObjectNode metaData = original.metaData().deepCopy();
        metaData.put(MessageMetadata.ACTOR, "someone-else");
        replace(
                original,
                new StoredEvent(
                        original.eventId(),
                        original.aggregateType(),
                        original.aggregateId(),
                        original.sequence(),
                        original.timestamp(),
                        original.payloadType(),
                        original.revision(),
                        original.payload(),
                        metaData));

        assertThat(verify("g").sequence()).isEqualTo(1L);
    }

    @Test
    void aDeletedEventLeavesAGap() {
        append("g", 0, 5);
        stored.remove(event("g", 3));

        Verification verdict = verify("g");
        assertThat(verdict.status()).isEqualTo(Verification.BROKEN);
        assertThat(verdict.sequence()).isEqualTo(3L);
        assertThat(verdict.reason()).contains("missing");
    }

    @Test
    void deletingAnEventAndRenumberingTheRestStillBreaksTheChain() {
        append("g", 0, 4);
        stored.remove(event("g", 1));
        for (long sequence = 2; sequence < 4; sequence++) {
            StoredEvent e = event("g", sequence);
            replace(
                    e,
                    new StoredEvent(
                            e.eventId(),
                            e.aggregateType(),
                            e.aggregateId(),
                            sequence - 1,
                            e.timestamp(),
                            e.payloadType(),
                            e.revision(),
                            e.payload(),
                            e.metaData()));
        }

        assertThat(verify("g").sequence()).isEqualTo(1L);
    }

    @Test
    void eventsFromBeforeTheChainAreCountedAsUnchainedAndTheChainStartsAfterThem() {
        stored.add(legacy("g", 0));
        stored.add(legacy("g", 1));
        append("g", 2, 2);

        assertThat(verify("g")).isEqualTo(new Verification(Verification.OK, null, null, 4L, 2L, 0L));
        assertThat(event("g", 2).previousHash()).isEqualTo(EventHashChain.GENESIS);
    }

    @Test
    void aStrippedHashInsideTheChainIsBroken() {
        append("g", 0, 3);
        StoredEvent e = event("g", 1);
        replace(e, legacy("g", 1));

        assertThat(verify("g").sequence()).isEqualTo(1L);
    }

    @Test
    void theModerationFlagComesFromThePayloadOrTheMetadata() {
        append("g", 0, 1);
        assertThat(event("g", 0).moderation()).isFalse();
        StoredEvent e = event("g", 0);
        assertThat(new StoredEvent(
                                e.eventId(),
                                e.aggregateType(),
                                e.aggregateId(),
                                0,
                                e.timestamp(),
                                e.payloadType(),
                                e.revision(),
                                "{\"name\":\"x\"}",
                                JSON.createObjectNode().put(MessageMetadata.MODERATION, true))
                        .moderation())
                .isTrue();
    }

    private void append(String aggregateId, long firstSequence, int count) {
        List<EventMessage<?>> batch = new ArrayList<>();
        for (long sequence = firstSequence; sequence < firstSequence + count; sequence++) {
            batch.add(new GenericDomainEventMessage<>(
                    "Group",
                    aggregateId,
                    sequence,
                    new Renamed("name " + sequence, false),
                    MetaData.with(MessageMetadata.ACTOR, "user-" + (sequence % 3))));
        }
        engine.appendEvents(batch);
    }

    private Verification verify(String aggregateId) {
        ChainVerifier verifier = new ChainVerifier();
        stored.stream()
                .filter(e -> e.aggregateId().equals(aggregateId))
                .sorted((a, b) -> Long.compare(a.sequence(), b.sequence()))
                .forEach(verifier::accept);
        return verifier.verdict();
    }

    private Optional<StoredEvent> storedAt(String aggregateId, long sequence) {
        return stored.stream()
                .filter(e -> e.aggregateId().equals(aggregateId) && e.sequence() == sequence)
                .findFirst();
    }

    private StoredEvent event(String aggregateId, long sequence) {
        return storedAt(aggregateId, sequence).orElseThrow();
    }

    private void replace(StoredEvent original, StoredEvent replacement) {
        stored.set(stored.indexOf(original), replacement);
    }

    private StoredEvent legacy(String aggregateId, long sequence) {
        return new StoredEvent(
                "legacy-" + sequence,
                "Group",
                aggregateId,
                sequence,
                DateTimeUtils.formatInstant(java.time.Instant.now()),
                Renamed.class.getName(),
                null,
                "{\"name\":\"old\"}",
                JSON.createObjectNode().put(MessageMetadata.ACTOR, "old"));
    }

    /** Stores as the Mongo engine does: payload and metadata as the serializer's JSON text. */
    private class RecordingEngine extends InMemoryEventStorageEngine {
        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            for (EventMessage<?> event : events) {
                DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
                SerializedObject<String> payload = event.serializePayload(serializer, String.class);
                SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
                stored.add(new StoredEvent(
                        event.getIdentifier(),
                        domainEvent.getType(),
                        domainEvent.getAggregateIdentifier(),
                        domainEvent.getSequenceNumber(),
                        DateTimeUtils.formatInstant(event.getTimestamp()),
                        payload.getType().getName(),
                        payload.getType().getRevision(),
                        payload.getData(),
                        StoredEvent.parse(metaData.getData())));
            }
        }
    }
}
