package dev.studybuddy.command.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Aggregates are snapshotted on a thread of their own (docs/adr/0007). Axon's auto-configured snapshotter runs the
 * snapshot in the unit of work of the command that crossed the threshold, after its commit but before its cleanup
 * releases the aggregate's lock: that command's answer, and every command on the same group queued behind the lock,
 * waited while the snapshotter read the last snapshot and up to 500 events back from the store and wrote the new
 * snapshot. Here the same snapshotter (Axon's, built as its auto-configuration builds it, which stands back when a
 * snapshotter bean exists) hands the work to one background thread; Axon schedules at most one snapshot per aggregate
 * at a time, so the queue holds at most one task per aggregate. A snapshot that fails is logged by Axon and taken at
 * the next threshold; events are what count, a snapshot only shortens loading.
 */
@Configuration
class BackgroundSnapshots implements DisposableBean {

    private final ThreadPoolTaskExecutor snapshotThread = new ThreadPoolTaskExecutor();

    BackgroundSnapshots() {
        snapshotThread.setCorePoolSize(1);
        snapshotThread.setMaxPoolSize(1);
        snapshotThread.setThreadNamePrefix("aggregate-snapshotter-");
        snapshotThread.setDaemon(true);
        snapshotThread.setWaitForTasksToCompleteOnShutdown(true);
        snapshotThread.setAwaitTerminationSeconds(10);
        snapshotThread.initialize();
    }

    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(
            org.axonframework.config.Configuration axonConfiguration,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            TransactionManager transactionManager,
            SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(axonConfiguration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotThread)
                .build();
    }

    @Override
    public void destroy() {
        snapshotThread.shutdown();
    }
}
