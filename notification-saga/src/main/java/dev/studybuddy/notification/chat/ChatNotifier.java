package dev.studybuddy.notification.chat;

import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.membership.NotificationLevel;
import dev.studybuddy.notification.erasure.AuthorTexts;
import dev.studybuddy.notification.log.NotificationWriter;
import dev.studybuddy.notification.recipients.Recipients;
import dev.studybuddy.notification.recipients.RecipientsProjection;
import dev.studybuddy.platform.messaging.HandlesOnly;
import dev.studybuddy.platform.personaldata.ErasedAuthors;
import java.util.LinkedHashSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Chat messages that concern one person: a mention in a group (if their level there is ALL or MENTIONS, and neither
 * the author nor they block the other) and a direct message (its recipient). Always in-app; by e-mail only while
 * the recipient is not reading that conversation over WebSocket ({@link Presence}). A plain group message notifies nobody, whatever the level:
 * members see it in the conversation, and a notice per message would flood inboxes and mailboxes. Runs in the
 * recipients processing group to see rosters and levels; never on a replay.
 */
@Component
@ProcessingGroup(RecipientsProjection.PROCESSING_GROUP)
@DisallowReplay
class ChatNotifier {

    /** How much of the message a notification quotes. */
    static final int EXCERPT_LENGTH = 140;

    private final NotificationWriter notifications;
    private final Recipients recipients;
    private final Presence presence;
    private final ErasedAuthors erasedAuthors;
    private final AuthorTexts authorTexts;

    ChatNotifier(
            NotificationWriter notifications,
            Recipients recipients,
            Presence presence,
            ErasedAuthors erasedAuthors,
            AuthorTexts authorTexts) {
        this.notifications = notifications;
        this.recipients = recipients;
        this.presence = presence;
        this.erasedAuthors = erasedAuthors;
        this.authorTexts = authorTexts;
    }

    @EventHandler
    @HandlesOnly(Mentions.class)
    void on(GroupMessagePostedEvent event, EventMessage<?> message) {
        String conversation = Presence.groupConversation(event.groupId());
        for (UUID mentioned : new LinkedHashSet<>(event.mentions())) {
            boolean wantsMentions = recipients
                    .levelOf(event.groupId(), mentioned)
                    .map(level -> level != NotificationLevel.NONE)
                    .orElse(false);
            if (mentioned.equals(event.authorId())
                    || !wantsMentions
                    || recipients.eitherBlocks(mentioned, event.authorId())) {
                continue;
            }
            ChatNotice payload = new ChatNotice.GroupMention(
                    event.groupId(),
                    recipients.groupName(event.groupId()).orElse(null),
                    conversation,
                    event.messageId(),
                    event.authorId(),
                    name(event.authorId()),
                    excerpt(event.body()));
            notifications.notify(
                    mentioned, message.getIdentifier(), payload, !presence.isConnected(mentioned, conversation));
            erasedAuthors.storing(authorTexts, event.authorId());
        }
    }

    @EventHandler
    void on(DirectMessageSentEvent event, EventMessage<?> message) {
        String conversation = Presence.directConversation(event.friendshipId());
        ChatNotice payload = new ChatNotice.DirectMessageReceived(
                event.friendshipId(),
                conversation,
                event.messageId(),
                event.senderId(),
                name(event.senderId()),
                excerpt(event.body()));
        notifications.notify(
                event.recipientId(),
                message.getIdentifier(),
                payload,
                !presence.isConnected(event.recipientId(), conversation));
        erasedAuthors.storing(authorTexts, event.senderId());
    }

    /** A group message that mentions someone; the others are not taken in at all (most mention nobody). */
    static final class Mentions implements Predicate<GroupMessagePostedEvent> {

        @Override
        public boolean test(GroupMessagePostedEvent event) {
            return event.mentions() != null && !event.mentions().isEmpty();
        }
    }

    /** Null when this service does not know it; the payload then leaves it out. */
    private String name(UUID author) {
        return recipients.displayName(author).orElse(null);
    }

    static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= EXCERPT_LENGTH ? body : body.substring(0, EXCERPT_LENGTH - 1) + "…";
    }
}
