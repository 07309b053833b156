package dev.studybuddy.notification;

import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.LocalServiceProxies;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.testing.TestEnvironment;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring context every integration test of this service shares: the whole service on a random
 * port, against the real local PostgreSQL, RabbitMQ and Redis and the MongoDB stand-in. Tests must not
 * add anything that would fork the context (mocked beans, extra properties). RabbitMQ, Redis and SMTP are
 * reached through {@link LocalServiceProxies}, so a test can take one of them away and give it back. Tests
 * inject {@link DomainEvents} to append what command-side would and {@link LogQueries} to read the log.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Metrics exported as in production (Spring Boot's tests switch exporters off): NotificationMetricsIT scrapes them.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TestEnvironment.class, LocalServiceProxies.class})
@Import({DomainEvents.class, LogQueries.class})
public @interface NotificationSagaIT {}
