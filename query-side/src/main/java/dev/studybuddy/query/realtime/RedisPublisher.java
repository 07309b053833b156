package dev.studybuddy.query.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes live updates to Redis from one thread of its own, so that whoever has an update (an event
 * handler after its batch committed, a STOMP thread with a typing signal) hands it over and never waits on
 * Redis. One thread keeps the updates in the order they were handed over.
 * <p>
 * The queue is bounded and drops its <em>oldest</em> update when full: it only fills when Redis is slow,
 * and then the update that waited longest is the least worth delivering late (a stale typing signal, a
 * message the client will see is missing by its {@code seq} and fetch over {@code afterSeq}), while the
 * newest is what users are waiting for. A circuit breaker (Resilience4j) stops trying once publishes keep
 * failing: while it is open, updates are dropped at once instead of each waiting for Redis's timeout, and
 * after {@code open-for} one publish tries again. Every drop is counted
 * ({@code studybuddy_fanout_dropped_total{kind, reason}}); clients catch up over REST.
 */
@Component
class RedisPublisher {

    static final String BREAKER = "redis-publish";

    private static final Logger log = LoggerFactory.getLogger(RedisPublisher.class);

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final FanOutMetrics metrics;
    private final BlockingQueue<Update> queue;
    private final CircuitBreaker breaker;
    private final Thread publisher;
    private volatile boolean running = true;

    RedisPublisher(
            StringRedisTemplate redis, ObjectMapper json, FanOutMetrics metrics, PublishingProperties properties) {
        this.redis = redis;
        this.json = json;
        this.metrics = metrics;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.breaker = CircuitBreaker.of(
                BREAKER,
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(properties.failureRateThreshold())
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(properties.slidingWindow())
                        .minimumNumberOfCalls(properties.minimumCalls())
                        .waitDurationInOpenState(properties.openFor())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .build());
        breaker.getEventPublisher().onStateTransition(transition -> {
            if (transition.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                log.warn(
                        "Publishing live updates to Redis fails; dropping them for {}, then trying again",
                        properties.openFor());
            } else {
                log.info("Publishing live updates to Redis: {}", transition.getStateTransition());
            }
        });
        metrics.watch(queue, breaker);
        this.publisher = new Thread(this::publishAll, "redis-publisher");
        this.publisher.setDaemon(true);
        this.publisher.start();
    }

    /** Queues an update for {@code channel}; returns at once. */
    void submit(String channel, LiveUpdate frame) {
        Update update = new Update(channel, frame);
        while (!queue.offer(update)) {
            Update oldest = queue.poll();
            if (oldest != null) {
                metrics.dropped(oldest.channel(), "queue-full");
            }
        }
    }

    private void publishAll() {
        while (running) {
            try {
                Update next = queue.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    publish(next);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Unexpected failure publishing a live update", e);
            }
        }
    }

    private void publish(Update update) {
        String payload;
        try {
            payload = json.writeValueAsString(update.frame());
        } catch (JsonProcessingException e) {
            log.error("Cannot write a {} update as JSON", update.frame().type(), e);
            return;
        }
        if (!breaker.tryAcquirePermission()) {
            metrics.dropped(update.channel(), "circuit-open");
            return;
        }
        long start = breaker.getCurrentTimestamp();
        try {
            redis.convertAndSend(update.channel(), payload);
            breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
            metrics.published(update.channel());
        } catch (RuntimeException e) {
            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
            metrics.dropped(update.channel(), "failed");
            log.debug(
                    "Could not publish a {} update on {}; clients catch up over REST",
                    update.frame().type(),
                    update.channel(),
                    e);
        }
    }

    /** Updates still waiting are dropped: pub/sub is at-most-once, and clients catch up over REST. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        publisher.interrupt();
        publisher.join(TimeUnit.SECONDS.toMillis(5));
    }

    private record Update(String channel, LiveUpdate frame) {}
}
