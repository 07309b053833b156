package dev.studybuddy.query.support;

import static org.awaitility.Awaitility.await;

import dev.studybuddy.query.QuerySideApplication;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second query-side node: a separate Spring context in this JVM on the first node's PostgreSQL, event
 * store and Redis. Closing it waits until the first node holds every processor's segments again, so that
 * the tests after it find one node doing everything (the segments it gave away come back once their
 * release has run out).
 */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final EventProcessingConfiguration firstNode;

    private SecondNode(ConfigurableApplicationContext context, EventProcessingConfiguration firstNode) {
        this.context = context;
        this.firstNode = firstNode;
    }

    /** Settings as command-line arguments: they outrank every other source, as the first node's test settings do. */
    public static SecondNode start(Environment first, EventProcessingConfiguration firstNode, String nodeId) {
        return start(first, firstNode, nodeId, List.of());
    }

    /**
     * The same, with {@code configurations} added to its context (such as a {@link ReplayGate} of its own) and
     * {@code settings} ({@code name=value}) over the others.
     */
    public static SecondNode start(
            Environment first,
            EventProcessingConfiguration firstNode,
            String nodeId,
            List<Class<?>> configurations,
            String... settings) {
        Stream<String> defaults = Stream.of(
                "server.port=0",
                "studybuddy.node-id=" + nodeId,
                "studybuddy.projections.balancing.interval=1s",
                "studybuddy.presence.away-after=" + QuerySideIT.AWAY_AFTER_MILLIS + "ms",
                "studybuddy.presence.refresh-interval=1s",
                "spring.datasource.url=" + first.getRequiredProperty("spring.datasource.url"),
                "spring.datasource.username=" + first.getRequiredProperty("spring.datasource.username"),
                "spring.data.mongodb.uri=" + first.getRequiredProperty("spring.data.mongodb.uri"),
                "spring.data.mongodb.database=" + first.getRequiredProperty("spring.data.mongodb.database"),
                "studybuddy.personal-data.kek=" + first.getRequiredProperty("studybuddy.personal-data.kek"),
                "studybuddy.personal-data.creates-keys=true",
                "studybuddy.jwt.jwk-set-uri=" + first.getRequiredProperty("studybuddy.jwt.jwk-set-uri"));
        String[] args = Stream.concat(defaults, Stream.of(settings))
                .map(arg -> "--" + arg)
                .toArray(String[]::new);
        Class<?>[] sources = Stream.concat(Stream.of(QuerySideApplication.class), configurations.stream())
                .toArray(Class<?>[]::new);
        return new SecondNode(new SpringApplicationBuilder(sources).run(args), firstNode);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
        firstNode.eventProcessors().keySet().forEach(name -> {
            StreamingEventProcessor processor = firstNode
                    .eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow();
            int segments = firstNode.tokenStore(name).fetchSegments(name).length;
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> processor.processingStatus().size() == segments
                            && processor.processingStatus().values().stream().allMatch(status -> status.isCaughtUp()));
        });
    }
}
