package dev.studybuddy.platform.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The durable scheduler behind Axon's {@code DbSchedulerDeadlineManager} (which Axon's own
 * {@code AxonDbSchedulerAutoConfiguration} builds once a {@link Scheduler} bean exists): deadlines are rows
 * of {@code scheduled_tasks} in the service's schema (its Flyway migration creates the table), so they
 * survive a restart, and each due one is picked by exactly one node. The data source is
 * transaction-aware, so a deadline scheduled or cancelled by a handler commits with its unit of work.
 * Active in the services that have db-scheduler on their classpath.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration")
@ConditionalOnClass(Scheduler.class)
@EnableConfigurationProperties(DeadlineSchedulerConfiguration.DeadlineSchedulerProperties.class)
public class DeadlineSchedulerConfiguration {

    @Bean
    Scheduler deadlineScheduler(
            DataSource dataSource, ObjectProvider<Task<?>> tasks, DeadlineSchedulerProperties properties) {
        return Scheduler.create(
                        new TransactionAwareDataSourceProxy(dataSource),
                        tasks.orderedStream().toList())
                .tableName("scheduled_tasks")
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .commitWhenAutocommitDisabled(false)
                .enableImmediateExecution()
                .build();
    }

    /**
     * In place of the one Axon's auto-configuration would build (the same settings: this configuration starts and
     * stops the scheduler), but {@link CancelWhatIsStillWaiting}.
     */
    @Bean
    DeadlineManager deadlineManager(
            Scheduler deadlineScheduler,
            org.axonframework.config.Configuration configuration,
            @Qualifier("eventSerializer") Serializer serializer,
            TransactionManager transactionManager,
            DeadlineManagerSpanFactory spanFactory) {
        return new CancelWhatIsStillWaiting(
                DbSchedulerDeadlineManager.builder()
                        .scheduler(deadlineScheduler)
                        .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                        .serializer(serializer)
                        .transactionManager(transactionManager)
                        .spanFactory(spanFactory)
                        .startScheduler(false)
                        .stopScheduler(false),
                deadlineScheduler);
    }

    /** Starts polling once the application is up and stops it before the data source closes. */
    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                deadlineScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                deadlineScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    /** How often this node looks for due deadlines, and how many it runs at once. */
    @ConfigurationProperties("studybuddy.deadlines")
    record DeadlineSchedulerProperties(Duration pollingInterval, int threads) {
        DeadlineSchedulerProperties {
            pollingInterval = pollingInterval == null ? Duration.ofSeconds(10) : pollingInterval;
            threads = threads <= 0 ? 2 : threads;
        }
    }
}
