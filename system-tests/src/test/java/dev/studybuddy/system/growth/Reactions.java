package dev.studybuddy.system.growth;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Members reacting to their groups' latest messages while the senders post ({@code growth.reactionRate}): reactor
 * {@code i} is sender {@code i}'s user (every sender is a member of every group) reacting in group {@code i}, each
 * time to the newest message posted there, with the next emoji it has not yet given that message. Every reaction is
 * therefore new, one event and one {@code reaction.changed} frame, which the {@link Subscribers} time from when it was
 * due, as they do messages.
 */
final class Reactions {

    /** A few of the contract's short names: a reactor gives one message at most this many reactions. */
    private static final List<String> EMOJI =
            List.of(":thumbsup:", ":heart:", ":joy:", ":tada:", ":smile:", ":thinking:", ":wink:", ":laughing:");

    private final BenchUsers users;
    private final List<BlockingPoster> asReactor;
    private final Subscribers subscribers;
    private final Map<UUID, String> newestInGroup = new ConcurrentHashMap<>();
    private final Map<String, Integer> givenByReactorToMessage = new ConcurrentHashMap<>();

    /** @param asReactor a client of each reactor's own (reactor {@code i} as sender {@code i}'s user) */
    Reactions(BenchUsers users, List<BlockingPoster> asReactor, Subscribers subscribers) {
        this.users = users;
        this.asReactor = List.copyOf(asReactor);
        this.subscribers = subscribers;
    }

    /** How many react at once: one per group, as long as there are senders to react as. */
    static int reactors(BenchUsers users) {
        return Math.min(users.senders.size(), users.groups.size());
    }

    /** A message was posted: it is now the one its group's reactor reacts to. */
    void posted(String group, String messageId) {
        newestInGroup.put(UUID.fromString(group), messageId);
    }

    /** Reactor {@code reactor}'s next reaction, expected by the subscribers under {@code tag}. */
    void react(int reactor, String tag, long sentAt) throws Exception {
        UUID group = users.groups.get(reactor);
        String messageId = newestInGroup.get(group);
        if (messageId == null) {
            throw new IllegalStateException("nothing posted yet in group " + group);
        }
        int given = givenByReactorToMessage.merge(reactor + " " + messageId, 1, Integer::sum) - 1;
        if (given >= EMOJI.size()) {
            throw new IllegalStateException("no message newer than " + messageId + " to react to in group " + group);
        }
        String emoji = EMOJI.get(given);
        subscribers.expectReaction(messageId, users.senders.get(reactor).id(), emoji, tag, sentAt);
        asReactor.get(reactor).put("/api/groups/" + group + "/messages/" + messageId + "/reactions/" + emoji, 204);
    }
}
