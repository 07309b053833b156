package dev.studybuddy.query.realtime;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    public static final String MESSAGE_POSTED = "message.posted";
    public static final String MESSAGE_EDITED = "message.edited";
    public static final String MESSAGE_DELETED = "message.deleted";
    public static final String MESSAGE_PINNED = "message.pinned";
    public static final String MESSAGE_UNPINNED = "message.unpinned";
    public static final String REACTION_CHANGED = "reaction.changed";
    public static final String ATTACHMENT_REMOVED = "attachment.removed";
    public static final String MEMBER_JOINED = "member.joined";
    public static final String MEMBER_LEFT = "member.left";
    public static final String TYPING = "typing";
    public static final String READ_ADVANCED = "read.advanced";

    /** The unit-of-work resource holding the updates to publish once it has committed. */
    private static final String AFTER_COMMIT = RealtimeUpdates.class.getName() + ".afterCommit";

    private final RedisPublisher publisher;

    RealtimeUpdates(RedisPublisher publisher) {
        this.publisher = publisher;
    }

    /** A frame for {@code /topic/groups.{groupId}}. */
    public void toGroup(UUID groupId, String type, String conversationId, Long seq, Map<String, Object> fields) {
        publish(RedisChannels.group(groupId), frame(type, conversationId, seq, fields));
    }

    /** A frame for both users of the friendship, on their {@code /user/queue/direct}. */
    public void toPair(String friendshipId, String type, String conversationId, long seq, Map<String, Object> fields) {
        publish(RedisChannels.direct(friendshipId), frame(type, conversationId, seq, fields));
    }

    /** A frame for one user's {@code /user/queue/direct} only (on the user's other nodes too). */
    public void toUser(UUID userId, String type, String conversationId, Map<String, Object> fields) {
        publish(RedisChannels.userDirect(userId), frame(type, conversationId, null, fields));
    }

    private static Map<String, Object> frame(String type, String conversationId, Long seq, Map<String, Object> fields) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("conversationId", conversationId);
        if (seq != null) {
            frame.put("seq", seq);
        }
        frame.putAll(fields);
        return frame;
    }

    private void publish(String channel, Map<String, Object> frame) {
        if (!CurrentUnitOfWork.isStarted()) {
            publisher.submit(channel, frame);
            return;
        }
        // One after-commit handler per unit of work, publishing in order: Axon runs a batch's after-commit
        // handlers in reverse order of registration, so one handler per update would reverse the batch.
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<Update> staged = unitOfWork.getOrComputeResource(AFTER_COMMIT, key -> {
            List<Update> updates = new ArrayList<>();
            unitOfWork.afterCommit(committed -> updates.forEach(update -> publisher.submit(update.channel(), update.frame())));
            return updates;
        });
        staged.add(new Update(channel, frame));
    }

    private record Update(String channel, Map<String, Object> frame) {
    }
}
