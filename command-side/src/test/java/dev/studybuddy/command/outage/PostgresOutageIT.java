package dev.studybuddy.command.outage;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.RSAKey;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandNode;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.Groups;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TcpProxy;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * A second command-side node reaches PostgreSQL through a proxy the test cuts: what the event store alone
 * decides goes on, what needs PostgreSQL answers 503 at once instead of hanging.
 */
@CommandSideIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresOutageIT {

    /** The connection wait (studybuddy's Hikari setting) plus room for a slow machine. */
    private static final Duration FAST = Duration.ofSeconds(5);

    private static final Pattern HOST_AND_PORT = Pattern.compile("//([^/:]+):(\\d+)/");

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    RSAKey signingKey;

    @Autowired
    EventStore eventStore;

    TcpProxy postgres;
    CommandNode node;

    @BeforeAll
    void startNodeBehindProxy() {
        String url = environment.getRequiredProperty("spring.datasource.url");
        Matcher hostAndPort = HOST_AND_PORT.matcher(url);
        assertThat(hostAndPort.find()).as(url).isTrue();
        postgres = new TcpProxy("postgres", Integer.parseInt(hostAndPort.group(2)));
        node = CommandNode.start(
                environment, signingKey, hostAndPort.replaceFirst("//127.0.0.1:" + postgres.port() + "/"));
    }

    /**
     * Each test starts from a node whose pool works again: the connections a cut broke are found dead one by one
     * (Hikari skips its check of a connection used within the last half second), so the first requests after
     * PostgreSQL is back may still fail; the database's health answers UP once a fresh connection works.
     */
    @AfterEach
    void restorePostgres() {
        postgres.restore();
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        ApiClient.on(node.port()).get("/actuator/health/db").status() == 200);
    }

    @AfterAll
    void stopNode() {
        if (node != null) {
            node.close();
        }
        postgres.cut();
    }

    @Test
    void aGroupMessageWithoutMentionsIsAcceptedWhilePostgresIsDown() throws Exception {
        SignedInUser owner = Accounts.signedIn(port, "outageowner");
        UUID group = openGroup(owner);
        ApiClient ownerOnNode = onNode(owner);
        assertThat(ownerOnNode
                        .post(messages(group), Map.of("body", "before the outage"))
                        .status())
                .isEqualTo(201);

        postgres.cut();
        Thread.sleep(1_500); // past anything a node may have cached of the database

        long started = System.nanoTime();
        ApiClient.Response posted = ownerOnNode.post(messages(group), Map.of("body", "during the outage"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(took).isLessThan(FAST);
        UUID messageId = UUID.fromString(posted.json().get("messageId").asText());
        assertThat(eventStore
                        .readEvents(group.toString())
                        .asStream()
                        .map(event -> event.getPayload())
                        .filter(GroupMessagePostedEvent.class::isInstance)
                        .map(GroupMessagePostedEvent.class::cast)
                        .anyMatch(event -> event.messageId().equals(messageId)))
                .isTrue();
    }

    @Test
    void aPostWithAnIdempotencyKeyIsRefusedWhilePostgresIsDownAndGoesThroughWithout() {
        SignedInUser owner = Accounts.signedIn(port, "outagekeyed");
        UUID group = openGroup(owner);
        ApiClient ownerOnNode = onNode(owner);
        assertThat(ownerOnNode
                        .post(messages(group), Map.of("body", "before the outage"))
                        .status())
                .isEqualTo(201);

        postgres.cut();
        long started = System.nanoTime();
        ApiClient.Response keyed = ownerOnNode
                .withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post(messages(group), Map.of("body", "keyed"));

        assertProblem(keyed, 503, "SERVICE_UNAVAILABLE");
        assertThat(keyed.header("Retry-After")).isPresent();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
        assertThat(ownerOnNode
                        .post(messages(group), Map.of("body", "not keyed"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aFriendRequestIsAcceptedWhilePostgresIsDown() throws Exception {
        SignedInUser asking = Accounts.signedIn(port, "outageasking");
        SignedInUser asked = Accounts.signedIn(port, "outageasked");
        ApiClient askingOnNode = onNode(asking);
        assertThat(askingOnNode
                        .post(messages(openGroup(asking)), Map.of("body", "warming up"))
                        .status())
                .isEqualTo(201);

        postgres.cut();
        Thread.sleep(1_500);

        long started = System.nanoTime();
        ApiClient.Response request = askingOnNode.post("/api/friends/requests", Map.of("userId", asked.id()));
        assertThat(request.status()).as(request.toString()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
    }

    @Test
    void whatNeedsPostgresAnswers503FastAndWorksAgainOnceItIsBack() {
        SignedInUser owner = Accounts.signedIn(port, "outagementions");
        UUID group = openGroup(owner);
        ApiClient ownerOnNode = onNode(owner);
        assertThat(ownerOnNode
                        .post(messages(group), Map.of("body", "before the outage"))
                        .status())
                .isEqualTo(201);
        Map<String, String> mentioning = Map.of("body", "hello @" + owner.username());

        postgres.cut();
        long started = System.nanoTime();
        ApiClient.Response refused = ownerOnNode.post(messages(group), mentioning);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertProblem(refused, 503, "SERVICE_UNAVAILABLE");
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(took).isLessThan(FAST);

        postgres.restore();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ownerOnNode.post(messages(group), mentioning).status() == 201);
    }

    private UUID openGroup(SignedInUser owner) {
        return Groups.openWith(owner, "Outage");
    }

    private ApiClient onNode(SignedInUser user) {
        return ApiClient.on(node.port())
                .withHeader("Authorization", user.api().headers().get("Authorization"));
    }

    private static String messages(UUID group) {
        return "/api/groups/" + group + "/messages";
    }
}
