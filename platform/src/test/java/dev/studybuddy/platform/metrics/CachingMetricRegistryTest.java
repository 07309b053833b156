package dev.studybuddy.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cached monitors make the meters axon-micrometer's dimensional monitors make, and count the same. */
class CachingMetricRegistryTest {

    record Posted(String text) {}

    record Edited(String text) {}

    enum Outcome {
        SUCCESS,
        FAILURE,
        IGNORED
    }

    record Handled(Message<?> message, Outcome outcome) {}

    final MockClock clock = new MockClock();
    final MeterRegistry axons = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    final MeterRegistry ours = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

    @ParameterizedTest
    @ValueSource(classes = {EventProcessor.class, CommandBus.class, EventBus.class, QueryBus.class})
    void makeAxonsMetersWithAxonsCounts(Class<?> componentType) {
        List<Handled> messages = messagesFor(componentType);
        handle(new GlobalMetricRegistry(axons).registerComponentWithDefaultTags(componentType, "component"), messages);
        handle(new CachingMetricRegistry(ours).registerComponentWithDefaultTags(componentType, "component"), messages);

        assertThat(describe(ours)).isNotEmpty().isEqualTo(describe(axons));
    }

    @Test
    void timeWhatItMeasuresAndReportTheLatencyOfTheLastEvent() {
        MessageMonitor<Message<?>> meters = monitor(EventProcessor.class, "chat");
        clock.add(Duration.ofSeconds(100));
        Instant stamped = Instant.ofEpochMilli(clock.wallTime()).minusMillis(250);
        MonitorCallback callback = meters.onMessageIngested(
                new GenericEventMessage<>(new GenericEventMessage<>(new Posted("hi")), () -> stamped));
        clock.add(30, TimeUnit.MILLISECONDS);
        callback.reportSuccess();

        Timer success = ours.get("eventProcessor.successTimer")
                .tags("processorName", "chat", "payloadType", "Posted")
                .timer();
        assertThat(success.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(30.0);
        assertThat(ours.get("eventProcessor.latency")
                        .tag("processorName", "chat")
                        .gauge()
                        .value())
                .isEqualTo(250.0);
        assertThat(ours.get("eventProcessor.capacity")
                        .tag("payloadType", "Posted")
                        .gauge()
                        .value())
                .isCloseTo(0.030 / ComponentMeters.CAPACITY_WINDOW.toSeconds(), within(1e-12));
    }

    @SuppressWarnings("unchecked")
    private MessageMonitor<Message<?>> monitor(Class<?> componentType, String name) {
        return (MessageMonitor<Message<?>>)
                new CachingMetricRegistry(ours).registerComponentWithDefaultTags(componentType, name);
    }

    private static List<Handled> messagesFor(Class<?> componentType) {
        List<Object> payloads = List.of(new Posted("a"), new Edited("b"), new Posted("c"), new Posted("d"));
        List<Outcome> outcomes = List.of(Outcome.SUCCESS, Outcome.FAILURE, Outcome.IGNORED, Outcome.SUCCESS);
        return IntStream.range(0, payloads.size())
                .mapToObj(i -> new Handled(message(componentType, payloads.get(i)), outcomes.get(i)))
                .toList();
    }

    private static Message<?> message(Class<?> componentType, Object payload) {
        if (CommandBus.class.equals(componentType)) {
            return new GenericCommandMessage<>(payload);
        }
        if (QueryBus.class.equals(componentType)) {
            return new GenericQueryMessage<>(payload, ResponseTypes.instanceOf(String.class));
        }
        return new GenericEventMessage<>(payload, MetaData.emptyInstance());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(MessageMonitor<? extends Message<?>> monitor, List<Handled> messages) {
        MessageMonitor<Message<?>> any = (MessageMonitor) monitor;
        for (Handled handled : messages) {
            MonitorCallback callback = any.onMessageIngested(handled.message());
            switch (handled.outcome()) {
                case SUCCESS -> callback.reportSuccess();
                case FAILURE -> callback.reportFailure(new IllegalStateException("refused"));
                case IGNORED -> callback.reportIgnored();
            }
        }
    }

    /** Each meter's name, tags and type, with its count where it has one (gauges' values depend on the clocks). */
    private static Map<String, String> describe(MeterRegistry registry) {
        return registry.getMeters().stream()
                .collect(Collectors.toMap(
                        meter -> meter.getId().getName() + meter.getId().getTags() + " "
                                + meter.getId().getType(),
                        CachingMetricRegistryTest::count,
                        (a, b) -> a + "," + b,
                        TreeMap::new));
    }

    private static String count(Meter meter) {
        if (meter instanceof Counter counter) {
            return String.valueOf(counter.count());
        }
        if (meter instanceof Timer timer) {
            return String.valueOf(timer.count());
        }
        if (meter instanceof Gauge) {
            return "gauge";
        }
        return meter.getClass().getSimpleName();
    }
}
