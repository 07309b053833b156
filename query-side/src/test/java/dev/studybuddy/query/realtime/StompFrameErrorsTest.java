package dev.studybuddy.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

class StompFrameErrorsTest {

    final StompFrameErrors errors = new StompFrameErrors();

    @Test
    void aFrameThatCouldNotBeDecodedIsToldSoWithoutTheDecodersWords() {
        Message<byte[]> error = errors.handleClientMessageProcessingError(
                null,
                new IllegalArgumentException(
                        "No enum constant org.springframework.messaging.simp.stomp.StompCommand.HELLO"));

        StompHeaderAccessor headers = StompHeaderAccessor.wrap(error);
        assertThat(headers.getCommand()).isEqualTo(StompCommand.ERROR);
        assertThat(headers.getMessage()).isEqualTo(StompFrameErrors.UNREADABLE);
    }

    @Test
    void aRefusalOfAFrameThatWasReadKeepsItsReasonAndReceipt() {
        StompHeaderAccessor subscribe = StompHeaderAccessor.create(StompCommand.SUBSCRIBE);
        subscribe.setReceipt("r-1");
        subscribe.setLeaveMutable(true);
        Message<byte[]> frame =
                MessageBuilder.createMessage("".getBytes(StandardCharsets.UTF_8), subscribe.getMessageHeaders());

        Message<byte[]> error = errors.handleClientMessageProcessingError(
                frame, new MessageDeliveryException(frame, "Only members of the group may subscribe to it."));

        StompHeaderAccessor headers = StompHeaderAccessor.wrap(error);
        assertThat(headers.getMessage()).isEqualTo("Only members of the group may subscribe to it.");
        assertThat(headers.getReceiptId()).isEqualTo("r-1");
    }
}
