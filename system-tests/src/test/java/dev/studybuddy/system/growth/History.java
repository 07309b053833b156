package dev.studybuddy.system.growth;

import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.FriendRequestAcceptedEvent;
import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.membership.MembershipId;
import dev.studybuddy.api.membership.MembershipOpenedEvent;
import dev.studybuddy.api.metadata.MessageMetadata;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.testing.scenarios.Decision;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * A realistic history of {@code n} events, in the order and with the metadata the aggregates would have
 * produced them: users register ({@code UserAccount}), groups are created and members join ({@code Group},
 * and for each join the {@code Membership} seat that command-side's MembershipSeats opens), friend requests
 * are sent and accepted ({@code Friendship}), and the rest are messages: nine in ten posted in groups by
 * their members, one in ten sent between friends, in bursts of one conversation at a time. A group message draws
 * what follows one in chat: one in five gets one to three reactions from members, one in forty is edited by its
 * author and one in a hundred deleted, each right after it was posted (so a replay's batch holds a message and
 * its changes together, as in a busy group). Each event
 * carries what command-side's interceptors and correlation providers give it ({@code actor},
 * {@code traceId}, {@code correlationId}); the store adds the hash chain. Timestamps are in the past,
 * a few milliseconds apart, so the live events that follow come after them.
 */
final class History {

    private static final int BURST = 50;
    private static final int CAPACITY = 100;
    private static final List<String> EMOJI = List.of(":tada:", "\uD83D\uDC4D", ":heart:");

    private final long size;
    private final Random random = new Random(12);
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final Consumer<DomainEventMessage<?>> sink;
    private Instant clock;
    private long emitted;

    private final List<UUID> users = new ArrayList<>();
    private final List<UUID> groups = new ArrayList<>();
    private final Map<UUID, List<UUID>> members = new HashMap<>();
    private final List<UUID[]> friends = new ArrayList<>();

    private History(long size, Consumer<DomainEventMessage<?>> sink) {
        this.size = size;
        this.sink = sink;
        this.clock = Instant.now().minusMillis(2 * size + 60_000);
    }

    /** Emits {@code size} events, oldest first; answers the busiest group's id, for a check that it still loads. */
    static UUID write(long size, Consumer<DomainEventMessage<?>> sink) {
        History history = new History(size, sink);
        history.write();
        return history.groups.stream()
                .max(Comparator.comparing(g -> history.nextSequence.get(g.toString())))
                .orElseThrow();
    }

    private void write() {
        int userCount = (int) Math.max(40, size / 200);
        int groupCount = (int) Math.max(10, size / 2_000);
        int membersPerGroup = Math.min(20, userCount);
        for (int i = 0; i < userCount; i++) {
            register(i);
        }
        for (int i = 0; i < groupCount; i++) {
            createGroup(i, membersPerGroup);
        }
        Set<String> paired = new HashSet<>();
        while (friends.size() < userCount) {
            UUID one = pick(users);
            UUID other = pick(users);
            if (!one.equals(other) && paired.add(FriendshipId.of(one, other))) {
                befriend(one, other);
            }
        }
        long message = 0;
        while (emitted < size) {
            if (random.nextInt(10) == 0) {
                UUID[] pair = pick(friends);
                for (int i = 0; i < BURST && emitted < size; i++) {
                    directMessage(pair, ++message);
                }
            } else {
                UUID group = pick(groups);
                for (int i = 0; i < BURST && emitted < size; i++) {
                    groupMessage(group, ++message);
                }
            }
        }
    }

    private void register(int index) {
        UUID user = uuid();
        users.add(user);
        emit(
                "UserAccount",
                user.toString(),
                new UserRegisteredEvent(user, "seed_" + index, "Seeded Student " + index, Set.of(PlatformRole.USER)),
                command(user));
    }

    private void createGroup(int index, int memberCount) {
        UUID group = uuid();
        UUID owner = pick(users);
        groups.add(group);
        List<UUID> roster = new ArrayList<>(List.of(owner));
        members.put(group, roster);
        Map<String, String> creation = command(owner);
        String ownerSeat = emit(
                group,
                GroupDecisions.create(
                        group,
                        owner,
                        "Seeded group " + index,
                        "Exam preparation, week by week",
                        GroupVisibility.PUBLIC,
                        JoinPolicy.OPEN,
                        CAPACITY),
                creation);
        seatOpened(group, owner, ownerSeat, creation);
        while (roster.size() < memberCount) {
            UUID user = pick(users);
            if (!roster.contains(user)) {
                roster.add(user);
                Map<String, String> join = command(user);
                seatOpened(group, user, emit(group, GroupDecisions.join(group, user), join), join);
            }
        }
    }

    /** The seat MembershipSeats opens in reaction to a join (correlated to the join event). */
    private void seatOpened(UUID group, UUID user, String joinId, Map<String, String> command) {
        String membership = MembershipId.of(group, user);
        emit(
                "Membership",
                membership,
                new MembershipOpenedEvent(membership, group, user),
                Map.of(
                        MessageMetadata.ACTOR,
                        command.get(MessageMetadata.ACTOR),
                        MessageMetadata.TRACE_ID,
                        command.get(MessageMetadata.TRACE_ID),
                        "correlationId",
                        joinId));
    }

    private void befriend(UUID requester, UUID addressee) {
        String friendship = FriendshipId.of(requester, addressee);
        friends.add(new UUID[] {requester, addressee});
        emit(
                "Friendship",
                friendship,
                new FriendRequestSentEvent(friendship, requester, addressee),
                command(requester));
        emit(
                "Friendship",
                friendship,
                new FriendRequestAcceptedEvent(friendship, requester, addressee),
                command(addressee));
    }

    private void groupMessage(UUID group, long number) {
        UUID author = pick(members.get(group));
        UUID message = uuid();
        emit(group, GroupDecisions.post(group, message, author, body(number)), command(author));
        if (random.nextInt(5) == 0) {
            react(group, message, 1 + random.nextInt(3));
        }
        if (random.nextInt(40) == 0 && emitted < size) {
            emit(group, GroupDecisions.edit(group, message, author, body(number) + " (edited)"), command(author));
        }
        if (random.nextInt(100) == 0 && emitted < size) {
            emit(group, GroupDecisions.delete(group, message, author, false), command(author));
        }
    }

    /** Members react to a message, each reaction a different member's or a different emoji. */
    private void react(UUID group, UUID message, int reactions) {
        Set<String> given = new HashSet<>();
        while (given.size() < reactions && emitted < size) {
            UUID member = pick(members.get(group));
            String emoji = pick(EMOJI);
            if (given.add(member + emoji)) {
                emit(group, GroupDecisions.react(group, message, member, emoji), command(member));
            }
        }
    }

    private void directMessage(UUID[] pair, long number) {
        boolean first = random.nextBoolean();
        UUID sender = first ? pair[0] : pair[1];
        UUID recipient = first ? pair[1] : pair[0];
        emit(
                "Friendship",
                FriendshipId.of(sender, recipient),
                new DirectMessageSentEvent(
                        FriendshipId.of(sender, recipient), uuid(), sender, recipient, body(number), null, List.of()),
                command(sender));
    }

    private String body(long number) {
        return "Seeded message " + number + ": who has the notes for chapter " + (1 + random.nextInt(12)) + "?";
    }

    /** The metadata of an event a signed-in user's command caused. */
    private Map<String, String> command(UUID actor) {
        return Map.of(
                MessageMetadata.ACTOR,
                actor.toString(),
                MessageMetadata.TRACE_ID,
                uuid().toString().replace("-", ""),
                "correlationId",
                uuid().toString());
    }

    /** The events the Group aggregate emits for a decision (test-support's GroupDecisions); the last one's id. */
    private String emit(UUID group, Decision decision, Map<String, String> metadata) {
        String last = null;
        for (Object event : decision.events()) {
            last = emit("Group", group.toString(), event, metadata);
        }
        return last;
    }

    private String emit(String type, String aggregateId, Object payload, Map<String, String> metadata) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        String id = uuid().toString();
        clock = clock.plusMillis(2);
        sink.accept(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, metadata, id, clock));
        emitted++;
        return id;
    }

    /** A version-4 UUID from the seeded random, so a history is the same every run. */
    private UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
