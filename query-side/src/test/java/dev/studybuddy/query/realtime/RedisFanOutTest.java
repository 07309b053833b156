package dev.studybuddy.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.data.redis.connection.DefaultMessage;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.util.MimeTypeUtils;

/** What the fan-out does with a group frame, decided by its {@link LiveUpdate} record, and with one it cannot type. */
class RedisFanOutTest {

    private final SimpMessagingTemplate clients = mock(SimpMessagingTemplate.class);
    private final GroupSubscriptions subscriptions = mock(GroupSubscriptions.class);
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final RedisFanOut fanOut =
            new RedisFanOut(clients, subscriptions, json, new FanOutMetrics(new SimpleMeterRegistry()));

    private final UUID group = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();
    private final String topic = GroupSubscriptions.GROUP_TOPIC_PREFIX + group;

    @Test
    void aLeaverGetsTheFrameAndThenLosesTheSubscriptions() throws Exception {
        receive(new LiveUpdate.MemberLeft(Conversations.group(group), 7, member, LiveUpdate.Departure.BANNED));

        InOrder order = inOrder(clients, subscriptions);
        order.verify(clients).send(eq(topic), any());
        order.verify(subscriptions).revoke(group, member);
    }

    @Test
    void aJoinerIsRestoredBeforeTheFrame() throws Exception {
        receive(new LiveUpdate.MemberJoined(Conversations.group(group), 8, member));

        InOrder order = inOrder(clients, subscriptions);
        order.verify(subscriptions).restore(group, member);
        order.verify(clients).send(eq(topic), any());
    }

    @Test
    void otherFramesLeaveSubscriptionsAlone() throws Exception {
        receive(new LiveUpdate.Typing(Conversations.group(group), member));

        verify(clients).send(eq(topic), any());
        verifyNoInteractions(subscriptions);
    }

    /** A newer node's frame type: forwarded as it came, fields and all, and the listener carries on. */
    @Test
    void aTypeThisNodeDoesNotKnowIsForwardedAsItCame() {
        String frame = "{\"type\":\"poll.closed\",\"conversationId\":\"" + Conversations.group(group)
                + "\",\"seq\":9,\"pollId\":\"p1\"}";
        receive(frame);

        assertThat(sent()).isEqualTo(frame);
        verifyNoInteractions(subscriptions);
    }

    @Test
    void aKnownTypeItCannotReadIsForwardedWithoutEndingAnything() {
        receive(
                "{\"type\":\"member.left\",\"conversationId\":\"x\",\"seq\":1,\"userId\":\"not-a-uuid\",\"reason\":\"left\"}");

        verify(clients).send(eq(topic), any());
        verifyNoInteractions(subscriptions);
    }

    /** Fields a newer node adds go to the clients too. */
    @Test
    void theFrameGoesOutAsItCame() {
        String frame = "{\"type\":\"member.left\",\"conversationId\":\"" + Conversations.group(group)
                + "\",\"seq\":4,\"userId\":\"" + member + "\",\"reason\":\"removed\",\"by\":\"someone\"}";
        receive(frame);

        assertThat(sent()).isEqualTo(frame);
        verify(subscriptions).revoke(group, member);
    }

    @Test
    void aFrameGoesOutAsJsonWithTheBytesThatCame() throws Exception {
        String frame = json.writeValueAsString(new LiveUpdate.Typing(Conversations.group(group), member))
                .replace("{", "{ ");
        receive(frame);

        Message<byte[]> sent = sentMessage();
        assertThat(sent.getPayload()).isEqualTo(frame.getBytes(StandardCharsets.UTF_8));
        assertThat(sent.getHeaders().get(MessageHeaders.CONTENT_TYPE)).isEqualTo(MimeTypeUtils.APPLICATION_JSON);
    }

    /** The type is found wherever it stands, skipping what comes before it, nested or not. */
    @Test
    void aTypeAfterOtherFieldsStillDecides() {
        receive("{\"conversationId\":\"" + Conversations.group(group) + "\",\"extra\":{\"type\":\"x\",\"list\":[1,{}]},"
                + "\"seq\":4,\"userId\":\"" + member + "\",\"reason\":\"removed\",\"type\":\"member.left\"}");

        verify(subscriptions).revoke(group, member);
    }

    @Test
    void brokenJsonIsDroppedAndTheListenerCarriesOn() throws Exception {
        receive("{\"conversationId\":");
        verifyNoInteractions(clients, subscriptions);

        receive(new LiveUpdate.Typing(Conversations.group(group), member));
        verify(clients).send(eq(topic), any());
    }

    private String sent() {
        return new String(sentMessage().getPayload(), StandardCharsets.UTF_8);
    }

    private Message<byte[]> sentMessage() {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Message<byte[]>> sent = ArgumentCaptor.forClass(Message.class);
        verify(clients).send(eq(topic), sent.capture());
        return sent.getValue();
    }

    private void receive(LiveUpdate update) throws Exception {
        receive(json.writeValueAsString(update));
    }

    private void receive(String frame) {
        fanOut.onMessage(
                new DefaultMessage(
                        RedisChannels.group(group).getBytes(StandardCharsets.UTF_8),
                        frame.getBytes(StandardCharsets.UTF_8)),
                null);
    }
}
