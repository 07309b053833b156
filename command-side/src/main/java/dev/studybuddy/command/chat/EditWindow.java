package dev.studybuddy.command.chat;

import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/** How long after posting an author may still edit a message (group or direct). */
@Component
public class EditWindow {

    private final Duration length;

    public EditWindow(@Value("${studybuddy.chat.edit-window:15m}") Duration length) {
        this.length = length;
    }

    /** Measured on the clock that stamps events, so that tests can move time on. */
    public boolean isOpenFor(Instant postedAt) {
        return !GenericEventMessage.clock.instant().isAfter(postedAt.plus(length));
    }
}
