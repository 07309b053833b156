package dev.studybuddy.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.studybuddy.notification.log.Channel;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The in-app frame as records is, byte for byte, the frame the maps built before. */
class InAppFrameJsonTest {

    /** Configured as Spring Boot configures the service's own. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Test
    void theFrameIsUnchanged() throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("groupId", "6a0e5c1e-0000-4000-8000-000000000001");
        payload.put("groupName", "Algebra");
        payload.put("n", 3);
        for (Instant createdAt :
                new Instant[] {Instant.parse("2026-12-03T05:00:00Z"), Instant.parse("2026-12-03T05:00:00.123456Z")}) {
            PendingDelivery notification = new PendingDelivery(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    Channel.IN_APP,
                    "group.invitation.received",
                    payload,
                    createdAt);

            assertThat(json.writeValueAsString(InAppDelivery.Frame.of(notification)))
                    .isEqualTo(json.writeValueAsString(asTheMapsBuiltIt(notification)));
        }
    }

    private static Map<String, Object> asTheMapsBuiltIt(PendingDelivery notification) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", notification.id().toString());
        item.put("type", notification.type());
        item.put("payload", notification.payload());
        item.put("createdAt", notification.createdAt().toString());
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "notification");
        frame.put("recipient", notification.recipient().toString());
        frame.put("notification", item);
        return frame;
    }
}
