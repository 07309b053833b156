package dev.studybuddy.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;

/** Redis out of reach when a service starts: the listener says so, the service starts, and it listens once Redis is there. */
class RetryingListenerContainerIT {

    private LettuceConnectionFactory viaLateProxy;
    private LettuceConnectionFactory direct;
    private RetryingListenerContainer container;
    private ServerSocket proxy;

    @AfterEach
    void stop() throws Exception {
        if (container != null) {
            container.destroy();
        }
        if (viaLateProxy != null) {
            viaLateProxy.destroy();
        }
        if (direct != null) {
            direct.destroy();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void startsWithoutRedisAndListensOnceItIsReachable() throws Exception {
        int port = RedisForwarding.freePort();
        viaLateProxy = new LettuceConnectionFactory("127.0.0.1", port);
        viaLateProxy.afterPropertiesSet();
        String channel = "studybuddy:test:retrying:" + UUID.randomUUID();
        CountDownLatch heard = new CountDownLatch(1);
        container = new RetryingListenerContainer("test");
        container.setConnectionFactory(viaLateProxy);
        container.addMessageListener((message, pattern) -> heard.countDown(), new ChannelTopic(channel));
        container.afterPropertiesSet();

        assertThatCode(container::start).as("Redis out of reach fails no start").doesNotThrowAnyException();

        proxy = RedisForwarding.forwardToRedis(port);
        direct = new LettuceConnectionFactory("127.0.0.1", 6379);
        direct.afterPropertiesSet();
        StringRedisTemplate redis = new StringRedisTemplate(direct);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!heard.await(200, TimeUnit.MILLISECONDS)) {
            assertThat(Instant.now())
                    .as("heard within 30 s of Redis becoming reachable")
                    .isBefore(deadline);
            redis.convertAndSend(channel, "hello");
        }
    }

    @Test
    void handsMessagesOverInOrderOnOneThread() throws Exception {
        direct = new LettuceConnectionFactory("127.0.0.1", 6379);
        direct.afterPropertiesSet();
        String channel = "studybuddy:test:ordered:" + UUID.randomUUID();
        int count = 300;
        List<String> heard = new CopyOnWriteArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(count);
        container = RetryingListenerContainer.listening(
                "ordered",
                direct,
                (message, pattern) -> {
                    threads.add(Thread.currentThread().getName());
                    heard.add(new String(message.getBody(), StandardCharsets.UTF_8));
                    all.countDown();
                },
                new ChannelTopic(channel));

        StringRedisTemplate redis = new StringRedisTemplate(direct);
        List<String> sent =
                IntStream.range(0, count).mapToObj(Integer::toString).toList();
        sent.forEach(body -> redis.convertAndSend(channel, body));

        assertThat(all.await(30, TimeUnit.SECONDS)).as("all %d heard", count).isTrue();
        assertThat(heard).containsExactlyElementsOf(sent);
        assertThat(threads).containsExactly("redis-dispatch-ordered");
    }
}
