package dev.studybuddy.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybuddy.api.group.GroupMessageEditedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.UserRegisteredEvent;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class PersonalDataModuleTest {

    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID GROUP = UUID.randomUUID();

    private final InMemoryKeys keys = new InMemoryKeys();
    private final ObjectMapper events = new ObjectMapper().registerModule(new PersonalDataModule(keys));

    @Test
    void aMarkedFieldIsStoredSealedAndReadBack() throws Exception {
        UserRegisteredEvent registered = new UserRegisteredEvent(ALICE, "alice", "Alice A.", Set.of(PlatformRole.USER));

        String json = events.writeValueAsString(registered);

        assertThat(json).doesNotContain("alice").doesNotContain("Alice A.");
        JsonNode username = events.readTree(json).get("username");
        assertThat(username.get("pd").asText()).isEqualTo("v1");
        assertThat(username.get("key").asText()).isEqualTo(ALICE.toString());
        assertThat(Base64.getDecoder().decode(username.get("iv").asText())).hasSize(12);
        assertThat(events.readValue(json, UserRegisteredEvent.class)).isEqualTo(registered);
    }

    @Test
    void theSameTextIsSealedDifferentlyEachTime() throws Exception {
        GroupMessagePostedEvent posted = posted("same words");

        assertThat(events.writeValueAsString(posted)).isNotEqualTo(events.writeValueAsString(posted));
    }

    @Test
    void aFieldWhoseKeyIsGoneReadsAsNull() throws Exception {
        String json = events.writeValueAsString(posted("see you at nine"));
        keys.erase(ALICE);

        GroupMessagePostedEvent read = events.readValue(json, GroupMessagePostedEvent.class);

        assertThat(read.body()).isNull();
        assertThat(read.authorId()).isEqualTo(ALICE);
    }

    @Test
    void anErasedSubjectsNewTextIsNotStoredAtAll() throws Exception {
        keys.erase(ALICE);

        assertThat(events.readTree(events.writeValueAsString(posted("late words")))
                        .get("body")
                        .isNull())
                .isTrue();
    }

    @Test
    void aTamperedCiphertextIsAnErrorNotAnErasure() throws Exception {
        ObjectNode stored = (ObjectNode) events.readTree(events.writeValueAsString(posted("the plan")));
        ObjectNode body = (ObjectNode) stored.get("body");
        byte[] ciphertext = Base64.getDecoder().decode(body.get("ct").asText());
        ciphertext[0] ^= 1;
        body.put("ct", Base64.getEncoder().encodeToString(ciphertext));

        assertThatThrownBy(() -> events.treeToValue(stored, GroupMessagePostedEvent.class))
                .hasStackTraceContaining(PersonalDataException.class.getName());
    }

    @Test
    void aCiphertextMovedToAnotherUsersFieldDoesNotOpen() throws Exception {
        UUID bob = UUID.randomUUID();
        ObjectNode alices = (ObjectNode) events.readTree(events.writeValueAsString(posted("alice's words")));
        ObjectNode body = (ObjectNode) alices.get("body");
        keys.forSealing(bob);
        body.put("key", bob.toString());

        assertThatThrownBy(() -> events.treeToValue(alices, GroupMessagePostedEvent.class))
                .hasStackTraceContaining(PersonalDataException.class.getName());
    }

    @Test
    void aPlainTextStoredBeforeSealingIsReadAsItIs() throws Exception {
        String old = new ObjectMapper().writeValueAsString(posted("written in 2025"));

        assertThat(events.readValue(old, GroupMessagePostedEvent.class).body()).isEqualTo("written in 2025");
    }

    @Test
    void anEditIsSealedForWhoeverMadeIt() throws Exception {
        GroupMessageEditedEvent edited = new GroupMessageEditedEvent(GROUP, UUID.randomUUID(), "fixed typo");

        String json = PersonalDataContext.withActor(ALICE.toString(), () -> {
            try {
                return events.writeValueAsString(edited);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(events.readTree(json).get("body").get("key").asText()).isEqualTo(ALICE.toString());
        assertThat(events.readValue(json, GroupMessageEditedEvent.class)).isEqualTo(edited);
    }

    @Test
    void anEditWithoutActorIsRefusedRatherThanStoredInClear() {
        GroupMessageEditedEvent edited = new GroupMessageEditedEvent(GROUP, UUID.randomUUID(), "fixed typo");

        assertThatThrownBy(() -> events.writeValueAsString(edited))
                .hasStackTraceContaining(PersonalDataException.class.getName());
    }

    @Test
    void unmarkedTextsAndNullsAreWrittenAsEver() throws Exception {
        GroupMessagePostedEvent withoutBody = posted(null);

        String json = events.writeValueAsString(withoutBody);

        assertThat(json).isEqualTo(new ObjectMapper().writeValueAsString(withoutBody));
        assertThat(events.readValue(json, GroupMessagePostedEvent.class)).isEqualTo(withoutBody);
    }

    private static GroupMessagePostedEvent posted(String body) {
        return new GroupMessagePostedEvent(GROUP, UUID.randomUUID(), ALICE, body, null, List.of(), List.of());
    }

    /** The keys as a map: erasing leaves a tombstone, as in MongoDB. */
    static final class InMemoryKeys implements DataKeys {

        private final Map<UUID, Optional<SecretKey>> keys = new HashMap<>();

        @Override
        public Optional<SecretKey> find(UUID subject) {
            return keys.getOrDefault(subject, Optional.empty());
        }

        @Override
        public Optional<SecretKey> forSealing(UUID subject) {
            return keys.computeIfAbsent(subject, id -> Optional.of(Aes.newKey()));
        }

        void erase(UUID subject) {
            keys.put(subject, Optional.empty());
        }
    }
}
