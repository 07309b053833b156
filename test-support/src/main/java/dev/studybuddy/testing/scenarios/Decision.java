package dev.studybuddy.testing.scenarios;

import java.util.List;
import java.util.function.Supplier;

/**
 * A command an aggregate decides on and the events it emits for it, in order and appended together.
 * Consumers' tests write the events; command-side's fixture tests send the command and expect exactly
 * those events, so that what consumers are tested with cannot drift from what the producer emits.
 * The command is built only when asked for: consumers may write events with values a command would
 * refuse (a blank name, say) to test how they cope with them.
 */
public final class Decision {

    private final Supplier<Object> command;
    private final List<Object> events;

    Decision(Supplier<Object> command, Object... events) {
        this.command = command;
        this.events = List.of(events);
    }

    /**
     * What an aggregate's deadline decides, not a command: such a decision is in no scenario, and the fixture test
     * of the deadline expects its events.
     */
    static Decision byDeadline(Object... events) {
        return new Decision(
                () -> {
                    throw new UnsupportedOperationException(
                            "A deadline decides this, not a command: " + List.of(events));
                },
                events);
    }

    public Object command() {
        return command.get();
    }

    public List<Object> events() {
        return events;
    }

    /** Of a decision that emits a single event: that event. */
    @SuppressWarnings("unchecked")
    public <E> E event() {
        if (events.size() != 1) {
            throw new IllegalStateException("This decision emits " + events.size() + " events: " + events);
        }
        return (E) events.get(0);
    }

    @Override
    public String toString() {
        return events.toString();
    }
}
