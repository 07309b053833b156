package dev.studybuddy.notification.studysession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.membership.NotificationLevel;
import dev.studybuddy.notification.NotificationSagaApplication;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.recipients.Recipients;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.Groups;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.notification.support.RedisNotifications;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two notification-saga nodes on one database, event store, RabbitMQ and Redis: a study session's reminder
 * deadline, due a few seconds after it was scheduled, is run by one node only, and its members are reminded
 * once each.
 */
@NotificationSagaIT
class TwoSagaNodesIT {

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Recipients recipients;

    @Autowired
    StudySessionProperties properties;

    @Autowired
    DomainEvents events;

    @Autowired
    LogQueries log;

    private ConfigurableApplicationContext secondNode;
    private RedisNotifications redis;

    @AfterEach
    void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aReminderDeadlineFiresOnceWithTwoNodesRunning() {
        startSecondNode();
        redis = new RedisNotifications();
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID muted = UUID.randomUUID();
        log.addContact(member, "session-" + member + "@example.test");
        UUID group = Groups.create(
                events, recipients, owner, Map.of(member, NotificationLevel.ALL, muted, NotificationLevel.NONE));
        UUID session = UUID.randomUUID();
        Instant startsAt = Instant.now().plus(properties.remindBefore()).plusSeconds(5);

        Groups.write(events, group, GroupDecisions.scheduleSession(group, session, owner, "Two nodes", startsAt, 60));

        await().atMost(Duration.ofSeconds(90))
                .until(() -> log.rowsOf(member).size() == 2
                        && log.rowsOf(member).stream().allMatch(row -> "DELIVERED".equals(row.get("status"))));
        assertThat(Instant.now()).isAfter(startsAt.minus(properties.remindBefore()));
        List<Map<String, Object>> rows = log.rowsOf(member);
        assertThat(rows).extracting(row -> row.get("channel")).containsExactly("EMAIL", "IN_APP");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("type")).isEqualTo("study-session.reminder");
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat(log.attemptsOf(row.get("id"))).hasSize(1);
        });
        assertThat(log.rowsOf(owner)).extracting(row -> row.get("type")).containsExactly("study-session.reminder");
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(15))
                .until(() -> redis.of(member).size() == 1);
        assertThat(log.rowsOf(muted)).as("muted the group").isEmpty();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM scheduled_tasks WHERE position(convert_to(?, 'UTF8') in task_data) > 0
                  AND position(convert_to(?, 'UTF8') in task_data) > 0""", Integer.class, session.toString(), StudySessionSaga.REMINDER))
                .as("the reminder deadline is done")
                .isZero();
    }

    /** As command-line arguments: they outrank every other source, as the first node's test settings do. */
    private void startSecondNode() {
        secondNode = new SpringApplicationBuilder(NotificationSagaApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
                        "--spring.data.mongodb.uri=" + environment.getRequiredProperty("spring.data.mongodb.uri"),
                        "--spring.data.mongodb.database="
                                + environment.getRequiredProperty("spring.data.mongodb.database"),
                        "--studybuddy.personal-data.kek="
                                + environment.getRequiredProperty("studybuddy.personal-data.kek"),
                        "--studybuddy.personal-data.creates-keys=true",
                        "--spring.rabbitmq.host=" + environment.getRequiredProperty("spring.rabbitmq.host"),
                        "--spring.rabbitmq.port=" + environment.getRequiredProperty("spring.rabbitmq.port"),
                        "--spring.data.redis.host=" + environment.getRequiredProperty("spring.data.redis.host"),
                        "--spring.data.redis.port=" + environment.getRequiredProperty("spring.data.redis.port"),
                        "--spring.mail.host=" + environment.getRequiredProperty("spring.mail.host"),
                        "--spring.mail.port=" + environment.getRequiredProperty("spring.mail.port"),
                        "--studybuddy.jwt.jwk-set-uri=" + environment.getRequiredProperty("studybuddy.jwt.jwk-set-uri"),
                        "--studybuddy.testing.checkout="
                                + environment.getRequiredProperty("studybuddy.testing.checkout"));
    }
}
