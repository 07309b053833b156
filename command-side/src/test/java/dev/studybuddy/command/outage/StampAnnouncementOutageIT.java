package dev.studybuddy.command.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.RSAKey;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandNode;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TcpProxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * A second command-side node reaches Redis through a proxy the test cuts, its connection already open: a privilege
 * change committed there while Redis is away must still reach the first node, whose subscription stays up all along,
 * once Redis is back, and not only when the first node's stamp entry expires (60 s).
 */
@CommandSideIT
class StampAnnouncementOutageIT {

    /** Shorter than the outage, so that the node's first publish fails and only a retry can deliver it. */
    private static final String COMMAND_TIMEOUT = "500ms";

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    RSAKey signingKey;

    TcpProxy redis;
    CommandNode node;

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.close();
        }
        if (redis != null) {
            redis.cut();
        }
    }

    @Test
    void aSignOutEverywhereCommittedWhileRedisIsAwayIsHeardByTheOtherNodeOnceItIsBack() throws Exception {
        redis = new TcpProxy("redis", environment.getProperty("spring.data.redis.port", Integer.class, 6379));
        node = CommandNode.start(
                environment,
                signingKey,
                null,
                "--spring.data.redis.port=" + redis.port(),
                "--spring.data.redis.timeout=" + COMMAND_TIMEOUT);
        SignedInUser user = Accounts.signedIn(port, "stampoutage");
        ApiClient onNode = ApiClient.on(node.port())
                .withHeader("Authorization", user.api().headers().get("Authorization"));
        // the node's Redis connection is open: its appends are announced on it
        ApiClient.Response created = onNode.post(
                "/api/groups",
                Map.of("name", "Stamp outage", "visibility", "PRIVATE", "joinPolicy", "OPEN", "capacity", 5));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        // its subscriptions' connection and, once the append's announcement has gone out, the one it publishes on
        await("the node's publishing connection open")
                .atMost(Duration.ofSeconds(10))
                .until(() -> redis.openConnections() >= 2);
        assertThat(onNode.get("/api/users/me/sessions").status()).isEqualTo(200);
        assertThat(user.api().get("/api/users/me/sessions").status())
                .as("the first node holds the user's stamp")
                .isEqualTo(200);

        redis.cut();
        ApiClient.Response signedOut = onNode.post("/api/auth/sign-out-everywhere", null);
        assertThat(signedOut.status()).as(signedOut.toString()).isEqualTo(204);
        Thread.sleep(1_500);
        assertThat(user.api().get("/api/users/me/sessions").status())
                .as("nothing could be announced yet: the first node still takes the old token")
                .isEqualTo(200);

        redis.restore();
        long back = System.nanoTime();
        await("the old token refused on the first node")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> user.api().get("/api/users/me/sessions").status() == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - back))
                .as("within seconds of Redis being back (a reconnect, then the retry)")
                .isLessThan(Duration.ofSeconds(10));
    }
}
