package dev.studybuddy.query.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What WebSocket clients should see, for every query-side node to forward to its own sessions over Redis.
 * Nothing here waits on Redis: an update made inside a unit of work (an event handler's batch) is handed to
 * {@link RedisPublisher} only after that unit of work commits, in the order it was made, so a batch that is
 * rolled back and retried publishes nothing the first time (no duplicate frames) and a view is never
 * announced before it is stored; an update made outside one (typing) is handed over at once. Pub/sub is
 * at-most-once and clients catch up over REST ({@code afterSeq}): an update that cannot be published is
 * dropped and counted, never retried.
 */
@Component
public class RealtimeUpdates {

    private static final Logger log = LoggerFactory.getLogger(RealtimeUpdates.class);

    /** The unit-of-work resource holding the updates to publish once it has committed. */
    private static final String AFTER_COMMIT = RealtimeUpdates.class.getName() + ".afterCommit";

    private final RedisPublisher publisher;

    RealtimeUpdates(RedisPublisher publisher) {
        this.publisher = publisher;
    }

    /** A frame for {@code /topic/groups.{groupId}}. */
    public void toGroup(UUID groupId, LiveUpdate update) {
        publish(RedisChannels.group(groupId), update);
    }

    /**
     * A frame for {@code /topic/groups.{groupId}} that is made only once the unit of work has committed, from what it
     * wrote (a message a batch posts is written when the batch commits), in its place among the batch's updates.
     */
    public void toGroupOnceCommitted(UUID groupId, Supplier<Optional<LiveUpdate>> update) {
        publish(RedisChannels.group(groupId), update);
    }

    /** A frame for both users of the friendship, made once the unit of work has committed. */
    public void toPairOnceCommitted(String friendshipId, Supplier<Optional<LiveUpdate>> update) {
        publish(RedisChannels.direct(friendshipId), update);
    }

    /** A frame for both users of the friendship, on their {@code /user/queue/direct}. */
    public void toPair(String friendshipId, LiveUpdate update) {
        publish(RedisChannels.direct(friendshipId), update);
    }

    /** A frame for one user's {@code /user/queue/direct} only (on the user's other nodes too). */
    public void toUser(UUID userId, LiveUpdate update) {
        publish(RedisChannels.userDirect(userId), update);
    }

    private void publish(String channel, LiveUpdate frame) {
        publish(channel, () -> Optional.of(frame));
    }

    private void publish(String channel, Supplier<Optional<LiveUpdate>> frame) {
        if (!CurrentUnitOfWork.isStarted()) {
            submit(new Update(channel, frame));
            return;
        }
        // One after-commit handler per unit of work, publishing in order: Axon runs a batch's after-commit
        // handlers in reverse order of registration, so one handler per update would reverse the batch.
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<Update> staged = unitOfWork.getOrComputeResource(AFTER_COMMIT, key -> {
            List<Update> updates = new ArrayList<>();
            unitOfWork.afterCommit(committed -> updates.forEach(this::submit));
            return updates;
        });
        staged.add(new Update(channel, frame));
    }

    private void submit(Update update) {
        Optional<LiveUpdate> frame;
        try {
            frame = update.frame().get();
        } catch (RuntimeException e) {
            // at-most-once, as for a frame Redis does not take: clients catch up over REST
            log.warn("Could not make a live update for {}; it is not sent", update.channel(), e);
            return;
        }
        frame.ifPresent(made -> publisher.submit(update.channel(), made));
    }

    private record Update(String channel, Supplier<Optional<LiveUpdate>> frame) {}
}
