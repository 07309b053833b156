package dev.studybuddy.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.platform.messaging.RedisForwarding;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two nodes over the local Redis: the one that changed a stamp cannot reach Redis for a while, the other stays
 * subscribed all along. The change must still reach the other node once the first can publish again, not only
 * when the other's entry expires.
 */
class SecurityStampAnnouncementsIT {

    private final SecurityProperties properties =
            new SecurityProperties("studybuddy:test:stamps:" + UUID.randomUUID(), Duration.ofSeconds(60), 1000);
    private LettuceConnectionFactory announcerRedis;
    private LettuceConnectionFactory listenerRedis;
    private SecurityStamps announcer;
    private SecurityStamps listener;
    private ServerSocket forwarding;

    @AfterEach
    void stop() throws Exception {
        for (SecurityStamps node : new SecurityStamps[] {announcer, listener}) {
            if (node != null) {
                node.stop();
            }
        }
        if (forwarding != null) {
            forwarding.close();
        }
        for (LettuceConnectionFactory factory : new LettuceConnectionFactory[] {announcerRedis, listenerRedis}) {
            if (factory != null) {
                factory.destroy();
            }
        }
    }

    @Test
    void aChangeAnnouncedWhileRedisIsOutOfReachGoesOutOnceItIsBack() throws Exception {
        int port = RedisForwarding.freePort();
        announcerRedis = new LettuceConnectionFactory("127.0.0.1", port);
        announcerRedis.afterPropertiesSet();
        listenerRedis = new LettuceConnectionFactory("127.0.0.1", 6379);
        listenerRedis.afterPropertiesSet();
        // neither node reads the authority here: the announcements alone are under test
        announcer = new SecurityStamps(new AccountAuthority(null), announcerRedis, properties);
        listener = new SecurityStamps(new AccountAuthority(null), listenerRedis, properties);
        Map<UUID, Long> heard = new ConcurrentHashMap<>();
        listener.onChange(heard::put);
        listener.start();
        awaitSubscribed(heard);

        UUID user = UUID.randomUUID();
        announcer.announce(user, 7);
        Thread.sleep(500);
        assertThat(heard).as("nothing can be published yet").doesNotContainKey(user);

        forwarding = RedisForwarding.forwardToRedis(port);
        long reachable = System.nanoTime();
        Awaitility.await("the change heard by the other node")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> Long.valueOf(7).equals(heard.get(user)));
        assertThat(Duration.ofNanos(System.nanoTime() - reachable))
                .as("heard soon after Redis is reachable again, not at the entry's expiry")
                .isLessThan(Duration.ofSeconds(5));
    }

    private void awaitSubscribed(Map<UUID, Long> heard) {
        UUID probe = UUID.randomUUID();
        StringRedisTemplate direct = new StringRedisTemplate(listenerRedis);
        Awaitility.await("the listening node subscribed")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    direct.convertAndSend(properties.stampChannel(), probe + " 1");
                    return heard.containsKey(probe);
                });
    }
}
