package dev.studybuddy.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import dev.studybuddy.mongostandin.memory.IndexedMemoryBackend;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes' keys on one store: a subject the store found alive is not asked about again for a moment, and an erasure
 * on the other node outlasts that moment, so that the first node finds the tombstone by the time the erasure is over.
 */
class AskedAliveTest {

    private static final String DATABASE = "asked_alive";

    private final MongoServer server = new MongoServer(new IndexedMemoryBackend());
    private final String uri = "mongodb://127.0.0.1:" + server.bind().getPort() + "/" + DATABASE;
    private final AtomicInteger finds = new AtomicInteger();
    private final MongoClient queryNodeClient = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(uri))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("find")) {
                        finds.incrementAndGet();
                    }
                }
            })
            .build());
    private final MongoClient commandSideClient = MongoClients.create(uri);
    private final PersonalDataKeys queryNode = keysOn(queryNodeClient, false);
    private final PersonalDataKeys commandSide = keysOn(commandSideClient, true);
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @AfterEach
    void close() {
        queryNodeClient.close();
        commandSideClient.close();
        server.shutdownNow();
    }

    @Test
    void aSubjectFoundAliveIsNotAskedAboutAgainForAMoment() {
        commandSide.create(alice);
        commandSide.create(bob);

        assertThat(queryNode.erasedAmong(List.of(alice))).isEmpty();
        assertThat(queryNode.erasedAmong(List.of(alice))).isEmpty();
        assertThat(finds).as("alice asked about once").hasValue(1);

        assertThat(queryNode.erasedAmong(List.of(alice, bob))).isEmpty();
        assertThat(finds).as("bob asked about, alice not again").hasValue(2);
    }

    @Test
    void anErasureOnAnotherNodeOutlastsWhatThisNodeTookForAlive() {
        commandSide.create(alice);
        commandSide.create(bob);
        assertThat(queryNode.erasedAmong(List.of(alice, bob))).isEmpty();

        long started = System.nanoTime();
        commandSide.destroy(alice);

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(PersonalDataKeys.DESTRUCTION_SETTLES)
                .isGreaterThan(PersonalDataKeys.CONFIRMED_ALIVE_FOR);
        assertThat(queryNode.erasedAmong(List.of(alice, bob))).isEqualTo(Set.of(alice));
        assertThat(finds).hasValue(2);
        assertThat(queryNode.erasedAmong(List.of(alice))).isEqualTo(Set.of(alice));
        assertThat(finds).as("erased for good: not asked again").hasValue(2);
    }

    @Test
    void aSubjectThisNodeHearsWasErasedIsAskedAboutAtOnce() {
        commandSide.create(alice);
        assertThat(queryNode.erasedAmong(List.of(alice))).isEmpty();

        queryNode.evict(alice);
        queryNode.erasedAmong(List.of(alice));

        assertThat(finds).hasValue(2);
    }

    private static PersonalDataKeys keysOn(MongoClient client, boolean createsKeys) {
        return new PersonalDataKeys(
                client.getDatabase(DATABASE),
                new PersonalDataProperties(
                        Base64.getEncoder().encodeToString(new byte[32]),
                        createsKeys,
                        "personal_data_keys",
                        Duration.ofMinutes(5),
                        100));
    }
}
