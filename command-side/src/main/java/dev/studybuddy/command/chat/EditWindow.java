package dev.studybuddy.command.chat;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.time.Duration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How long after posting an author may still edit a message (group or direct). */
@Component
public class EditWindow {

    private final Duration length;

    public EditWindow(@Value("${studybuddy.chat.edit-window:15m}") Duration length) {
        this.length = length;
    }

    /** Measured on the clock that stamps events, so that tests can move time on. */
    public void requireOpenFor(PostedMessage message) {
        if (GenericEventMessage.clock.instant().isAfter(message.postedAt().plus(length))) {
            throw new DomainException(ErrorCode.EDIT_WINDOW_CLOSED, "This message can no longer be edited.");
        }
    }
}
