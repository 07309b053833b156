package dev.studybuddy.query.group;

import java.util.UUID;

/** An event names a group whose GroupCreatedEvent the projection never applied: its stream is not whole here. */
class UnknownGroupException extends IllegalStateException {

    UnknownGroupException(UUID groupId) {
        super("Group " + groupId + " is not in the read model; its stream does not start with GroupCreatedEvent here.");
    }
}
