package dev.studybuddy.query.support;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Holds a projection's replay deterministically: while the gate is closed, every replayed event of the
 * query side's projections waits before its handler runs, so the processor stays in replay (its tokens
 * ReplayTokens) as long as a test needs. Open by default: live events never wait.
 * <p>
 * A segment's first replayed batch is let through: a pooled processor lists a segment in
 * {@code processingStatus()} only once its work package has finished a first batch, so a segment held on
 * its first event would stay invisible, and {@code isReplaying()} would only see the segments that are not
 * held (those whose replay already ended, or that have nothing to replay). After that first batch the
 * segment reports its ReplayToken, and its next replayed event waits.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReplayGate {

    /**
     * {@code studybuddy.processors.batch-size}: the most events a processor's segment handles in one batch, and so what
     * the gate lets through first. A segment whose replay fits in it is over before a test can see it held: a test that
     * holds a replay gives each held segment more events than this.
     */
    public static final int PROCESSOR_BATCH_SIZE = 100;

    private static final List<String> PROJECTIONS = List.of("users", "friendships", "groups");
    private static final long MAX_HOLD_SECONDS = 120;

    private final Object monitor = new Object();
    private boolean closed;

    public void close() {
        synchronized (monitor) {
            closed = true;
        }
    }

    public void open() {
        synchronized (monitor) {
            closed = false;
            monitor.notifyAll();
        }
    }

    @Bean
    ConfigurerModule replayGateModule() {
        return configurer -> PROJECTIONS.forEach(name -> configurer
                .eventProcessing()
                .registerHandlerInterceptor(name, configuration -> new Interceptor(name, configuration)));
    }

    private void passWhenOpen() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_HOLD_SECONDS);
        synchronized (monitor) {
            while (closed && System.nanoTime() < deadline) {
                monitor.wait(100);
            }
        }
    }

    private class Interceptor implements MessageHandlerInterceptor<EventMessage<?>> {

        private final String processorName;
        private final Configuration configuration;

        Interceptor(String processorName, Configuration configuration) {
            this.processorName = processorName;
            this.configuration = configuration;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            // by the token, not ReplayToken.isReplay(message): an event of a segment whose position at the
            // reset was empty is flagged live although the processor is replaying
            if (unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked
                    && tracked.trackingToken() instanceof ReplayToken
                    && segmentReportsStatus(unitOfWork)) {
                passWhenOpen();
            }
            return chain.proceed();
        }

        /** Whether the processor already lists the segment this unit of work runs for (see the class comment). */
        private boolean segmentReportsStatus(UnitOfWork<?> unitOfWork) {
            Object segment = unitOfWork.resources().get("Processor[" + processorName + "]/SegmentId");
            return segment instanceof Integer segmentId
                    && configuration
                            .eventProcessingConfiguration()
                            .eventProcessor(processorName, StreamingEventProcessor.class)
                            .map(processor -> processor.processingStatus().containsKey(segmentId))
                            .orElse(false);
        }
    }
}
