package dev.studybuddy.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.notification.outbox.BrokerProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryPropertiesTest {

    @Test
    void theBackOffDoublesUpToItsCap() {
        DeliveryProperties delivery = new DeliveryProperties(6, Duration.ofSeconds(30), Duration.ofMinutes(2), null);

        assertThat(delivery.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(delivery.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(delivery.backoffAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(delivery.backoffAfter(5)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void onlyTheDistinctPausesBeforeTheLastAttemptNeedAWaitQueue() {
        DeliveryProperties delivery = new DeliveryProperties(6, Duration.ofSeconds(30), Duration.ofMinutes(2), null);

        assertThat(delivery.backoffs())
                .containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2));
    }

    @Test
    void aWaitQueueIsNamedByItsChannelAndPause() {
        BrokerProperties broker = new BrokerProperties("studybuddy.notifications", null, true);

        assertThat(broker.waitQueue(Channel.EMAIL, Duration.ofSeconds(30)))
                .isEqualTo("studybuddy.notifications.email.wait-30000ms");
        assertThat(broker.retryExchange()).isEqualTo("studybuddy.notifications.retry");
        assertThat(broker.deadLetterQueue()).isEqualTo("studybuddy.notifications.dead-letters");
    }
}
