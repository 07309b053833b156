package dev.studybuddy.query.realtime;

import org.springframework.lang.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * The ERROR frame for a frame that cannot be read as STOMP says so in our words: the decoder's own message named
 * Spring's classes ("No enum constant org.springframework.messaging.simp.stomp.StompCommand.HELLO") or repeated the
 * client's bytes. Refusals of frames that were read ({@link StompAuthorization}'s) keep their reasons.
 */
class StompFrameErrors extends StompSubProtocolErrorHandler {

    static final String UNREADABLE = "The frame is not STOMP this server can read.";

    @Override
    @Nullable
    public Message<byte[]> handleClientMessageProcessingError(@Nullable Message<byte[]> clientMessage, Throwable ex) {
        // Spring's handler passes no client message exactly when the bytes could not be decoded into one
        Throwable told = clientMessage == null ? new MessagingException(UNREADABLE) : ex;
        return super.handleClientMessageProcessingError(clientMessage, told);
    }
}
