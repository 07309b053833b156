package dev.studybuddy.command.identity.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.testing.ApiClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** E-mail address changes reach RabbitMQ through the contact outbox, confirmed, as JSON {userId, email, version}. */
@CommandSideIT
class ContactsIT {

    @LocalServerPort
    int port;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    ContactsProperties contacts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper objectMapper;

    RabbitAdmin rabbitAdmin;
    RabbitTemplate rabbit;
    Queue listener;
    ApiClient client;

    @BeforeEach
    void bindATestQueue() {
        rabbitAdmin = new RabbitAdmin(connectionFactory);
        rabbit = new RabbitTemplate(connectionFactory);
        // Exclusive, not auto-delete: receive() consumes briefly, and an auto-delete queue would vanish after it.
        listener = QueueBuilder.nonDurable("contacts-it." + UUID.randomUUID())
                .exclusive()
                .build();
        rabbitAdmin.declareQueue(listener);
        rabbitAdmin.declareBinding(BindingBuilder.bind(listener)
                .to(new TopicExchange(contacts.exchange()))
                .with(contacts.routingKey()));
        client = ApiClient.on(port);
    }

    @AfterEach
    void removeTheTestQueue() {
        rabbitAdmin.deleteQueue(listener.getName());
    }

    @Test
    void registeringAUserPublishesTheirAddressAndMarksTheOutboxRowPublished() throws IOException {
        String username = Accounts.uniqueUsername("mailable");
        UUID userId = Accounts.register(client, username);

        Message message = nextMessageAbout(userId);
        JsonNode body = objectMapper.readTree(message.getBody());
        assertThat(body.get("email").asText()).isEqualTo(username + "@studybuddy.test");
        assertThat(body.get("verified").asBoolean()).as("not verified yet").isFalse();
        assertThat(body.get("version").asLong()).isPositive();
        assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
        assertThat(message.getMessageProperties().getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                jdbc.queryForList("SELECT published_at FROM contact_outbox WHERE user_id = ?", userId))
                        .singleElement()
                        .satisfies(row -> assertThat(row.get("published_at")).isNotNull()));
    }

    @Test
    void deactivatingAnAccountTellsToForgetItsAddressAndLeavesNoCopyOfItInTheOutbox() throws IOException {
        String username = Accounts.uniqueUsername("closing");
        UUID userId = Accounts.register(client, username);
        long registered = objectMapper
                .readTree(nextMessageAbout(userId).getBody())
                .get("version")
                .asLong();

        ApiClient admin = client.withToken(Accounts.adminToken(client));
        assertThat(admin.post("/api/admin/users/" + userId + "/deactivate", null)
                        .status())
                .isEqualTo(204);

        JsonNode forgotten = objectMapper.readTree(nextMessageAbout(userId).getBody());
        assertThat(forgotten.get("email").isNull()).isTrue();
        assertThat(forgotten.get("version").asLong()).isGreaterThan(registered);
        List<String> addresses = jdbc.queryForList(
                "SELECT email FROM contact_outbox WHERE user_id = ? AND email IS NOT NULL", String.class, userId);
        assertThat(addresses).isEmpty();
    }

    @Test
    void reactivatingAnAccountTellsItsAddressAgain() throws IOException {
        String username = Accounts.uniqueUsername("returning");
        UUID userId = Accounts.register(client, username);
        nextMessageAbout(userId);
        ApiClient admin = client.withToken(Accounts.adminToken(client));
        assertThat(admin.post("/api/admin/users/" + userId + "/deactivate", null)
                        .status())
                .isEqualTo(204);
        long forgotten = objectMapper
                .readTree(nextMessageAbout(userId).getBody())
                .get("version")
                .asLong();

        assertThat(admin.post("/api/admin/users/" + userId + "/reactivate", null)
                        .status())
                .isEqualTo(204);

        JsonNode told = objectMapper.readTree(nextMessageAbout(userId).getBody());
        assertThat(told.get("email").asText()).isEqualTo(username + "@studybuddy.test");
        assertThat(told.get("verified").asBoolean()).isFalse();
        assertThat(told.get("version").asLong()).isGreaterThan(forgotten);
    }

    @Test
    void theFirstAdministratorsAddressIsInTheOutbox() {
        assertThat(jdbc.queryForList("""
                SELECT o.email FROM contact_outbox o JOIN credentials c ON c.user_id = o.user_id
                WHERE c.username = ?""", String.class, Accounts.ADMIN_USERNAME))
                .containsExactly("root@studybuddy.test");
    }

    /** The next message on the test queue that names this user; others' messages (other tests) are skipped. */
    private Message nextMessageAbout(UUID userId) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Message message = rabbit.receive(listener.getName(), 500);
            if (message != null
                    && userId.toString()
                            .equals(objectMapper
                                    .readTree(message.getBody())
                                    .get("userId")
                                    .asText())) {
                return message;
            }
        }
        throw new AssertionError("no contact change about " + userId + " within 15 s");
    }
}
