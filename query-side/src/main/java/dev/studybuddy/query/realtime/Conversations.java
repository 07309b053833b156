package dev.studybuddy.query.realtime;

import dev.studybuddy.api.friendship.FriendshipId;
import java.util.List;
import java.util.UUID;

/**
 * Conversation ids, which every live frame carries and the chat views are keyed by: {@code group:<groupId>}
 * for a group's messages (ordered by the Group stream), {@code direct:<friendshipId>} for a pair's direct
 * messages (ordered by the Friendship stream). Here rather than in chat, which publishes through this package,
 * so that presence, typing and the fan-out need nothing of chat.
 */
public final class Conversations {

    private static final String GROUP = "group:";
    private static final String DIRECT = "direct:";

    private Conversations() {}

    public static String group(UUID groupId) {
        return GROUP + groupId;
    }

    public static String direct(String friendshipId) {
        return DIRECT + friendshipId;
    }

    public static String direct(UUID one, UUID other) {
        return direct(FriendshipId.of(one, other));
    }

    /** The two users of a friendship id ({@link FriendshipId#of}: the smaller id, '_', the larger). */
    public static List<UUID> participants(String friendshipId) {
        int separator = friendshipId.indexOf('_');
        return List.of(
                UUID.fromString(friendshipId.substring(0, separator)),
                UUID.fromString(friendshipId.substring(separator + 1)));
    }

    public static boolean isGroup(String conversationId) {
        return conversationId.startsWith(GROUP);
    }

    /** The group of a {@code group:} conversation id. */
    public static UUID groupOf(String conversationId) {
        return UUID.fromString(conversationId.substring(GROUP.length()));
    }

    /** The friendship of a {@code direct:} conversation id. */
    public static String friendshipOf(String conversationId) {
        return conversationId.substring(DIRECT.length());
    }
}
