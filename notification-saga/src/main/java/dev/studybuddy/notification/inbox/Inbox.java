package dev.studybuddy.notification.inbox;

import static dev.studybuddy.notification.log.NotificationFilters.channel;
import static dev.studybuddy.notification.log.NotificationFilters.recipient;
import static dev.studybuddy.notification.log.NotificationFilters.unread;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.notification.log.Notification;
import dev.studybuddy.notification.log.NotificationPages;
import dev.studybuddy.notification.log.NotificationRepository;
import dev.studybuddy.platform.web.CursorPage;
import java.time.Clock;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's in-app notifications: only ever their own. */
@Service
public class Inbox {

    private final NotificationRepository repository;
    private final NotificationPages pages;
    private final Clock clock;

    Inbox(NotificationRepository repository, NotificationPages pages, Clock clock) {
        this.repository = repository;
        this.pages = pages;
        this.clock = clock;
    }

    public CursorPage<InboxItem> list(UUID user, boolean unreadOnly, String cursor, Integer limit) {
        Specification<Notification> filter = recipient(user).and(channel(Channel.IN_APP));
        if (unreadOnly) {
            filter = filter.and(unread());
        }
        return pages.newestFirst(filter, cursor, limit, InboxItem::of);
    }

    /**
     * Marking read again keeps the first time, so the inbox shows when it was really read. Someone else's notification
     * answers like a missing one, so that ids reveal nothing.
     */
    @Transactional
    public void markRead(UUID user, UUID notificationId) {
        if (repository.markRead(notificationId, user, Channel.IN_APP, clock.instant()) == 0
                && !repository.existsByIdAndRecipientAndChannel(notificationId, user, Channel.IN_APP)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such notification.");
        }
    }

    @Transactional
    public int markAllRead(UUID user) {
        return repository.markAllRead(user, Channel.IN_APP, clock.instant());
    }
}
