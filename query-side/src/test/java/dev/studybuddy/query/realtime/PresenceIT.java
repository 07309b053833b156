package dev.studybuddy.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.StompClients;
import dev.studybuddy.query.support.StompClients.Client;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Presence as notification-saga reads it (its README, "Presence"), over real WebSockets and the real
 * Redis: {@code studybuddy:presence:{userId}} holds a conversation while one of the user's sessions is
 * subscribed to it, and loses it when the last one goes or the member is removed.
 */
@QuerySideIT
class PresenceIT {

    private static final Duration WRITTEN = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Groups groups;

    @Autowired
    RealtimeProperties properties;

    final List<Client> clients = new ArrayList<>();
    UUID owner;
    UUID member;
    UUID groupId;
    String topic;

    @BeforeEach
    void aGroup() {
        owner = UUID.randomUUID();
        member = UUID.randomUUID();
        groupId = groups.create(owner, "Presence " + UUID.randomUUID(), GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10)
                .groupId();
        accounts.awaitProjected("groups", groups.join(groupId, member));
        topic = "/topic/groups." + groupId;
    }

    @AfterEach
    void disconnect() {
        clients.forEach(Client::close);
    }

    @Test
    void aMemberIsPresentWhileOneOfTheirSessionsIsSubscribed() throws Exception {
        Client first = connected(member).subscribe(topic).subscribe("/user/queue/direct");
        Client second = connected(member).subscribe(topic);

        await().atMost(WRITTEN).until(() -> present(member, "group:" + groupId) && present(member, "direct:*"));
        assertThat(redis.getExpire(Presence.keyOf(member), TimeUnit.SECONDS))
                .isPositive()
                .isLessThanOrEqualTo(properties.presenceTtl().toSeconds());

        first.unsubscribe("/user/queue/direct");
        await().atMost(WRITTEN).until(() -> !present(member, "direct:*"));
        assertThat(first.errors).isEmpty();
        assertThat(second.errors).isEmpty();
        first.close();
        await().during(Duration.ofSeconds(2)).atMost(WRITTEN).until(() -> present(member, "group:" + groupId));

        second.close();
        await().atMost(WRITTEN).until(() -> !present(member, "group:" + groupId));
    }

    @Test
    void unsubscribingFromTheGroupEndsThePresenceInIt() throws Exception {
        Client client = connected(member).subscribe(topic);
        await().atMost(WRITTEN).until(() -> present(member, "group:" + groupId));

        client.unsubscribe(topic);

        await().atMost(WRITTEN).until(() -> !present(member, "group:" + groupId));
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void aRemovedMemberIsNoLongerPresentInTheGroup() throws Exception {
        Client removed = connected(member).subscribe(topic).subscribe("/user/queue/direct");
        connected(owner).subscribe(topic);
        await().atMost(WRITTEN).until(() -> present(member, "group:" + groupId) && present(owner, "group:" + groupId));

        groups.remove(groupId, member, owner);

        await().atMost(Duration.ofSeconds(30)).until(() -> !present(member, "group:" + groupId));
        assertThat(present(member, "direct:*"))
                .as("the member's other subscription stays")
                .isTrue();
        assertThat(present(owner, "group:" + groupId)).isTrue();
        assertThat(removed.isConnected()).isTrue();
    }

    @Test
    void aRefusedSubscriptionMakesNobodyPresent() throws Exception {
        UUID outsider = UUID.randomUUID();
        Client client = connected(outsider).subscribe(topic);

        assertThat(client.awaitRefusal())
                .satisfiesAnyOf(
                        refusal -> assertThat(refusal).contains("Only members"),
                        refusal -> assertThat(refusal).isEqualTo(Client.CLOSED_WITHOUT_ERROR_FRAME));
        await().during(Duration.ofSeconds(1)).atMost(WRITTEN).until(() -> !redis.hasKey(Presence.keyOf(outsider)));
    }

    @Test
    void theNodeWritesItsEntriesAgainAfterTheyWereLost() throws Exception {
        connected(member).subscribe(topic);
        await().atMost(WRITTEN).until(() -> present(member, "group:" + groupId));

        // as if another node's SREM (its own last session went) or an expiry had taken it away
        redis.delete(Presence.keyOf(member));

        await().atMost(properties.presenceRefreshInterval().multipliedBy(3))
                .until(() -> present(member, "group:" + groupId));
        assertThat(redis.getExpire(Presence.keyOf(member), TimeUnit.SECONDS)).isPositive();
    }

    private boolean present(UUID user, String conversationId) {
        return Boolean.TRUE.equals(redis.opsForSet().isMember(Presence.keyOf(user), conversationId));
    }

    private Client connected(UUID user) throws Exception {
        Client client = StompClients.connected(port, TestTokenIssuer.get().accessToken(user));
        clients.add(client);
        return client;
    }
}
