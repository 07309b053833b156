package dev.studybuddy.command.group;

import dev.studybuddy.api.group.GroupCreatedEvent;
import dev.studybuddy.api.group.OwnershipTransferredEvent;
import dev.studybuddy.api.user.UserDeactivatedEvent;
import dev.studybuddy.api.user.UserErasedEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * {@link OwnerSuccession}'s order: by the account an event concerns, the owner a group gets or the account that
 * closes, so that a user's ownerships are on record before their closure is acted on, whichever segment takes them.
 */
final class OwnerConcerned implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof GroupCreatedEvent created) {
            return created.ownerId();
        }
        if (payload instanceof OwnershipTransferredEvent transferred) {
            return transferred.newOwnerId();
        }
        if (payload instanceof UserDeactivatedEvent deactivated) {
            return deactivated.userId();
        }
        if (payload instanceof UserErasedEvent erased) {
            return erased.userId();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
