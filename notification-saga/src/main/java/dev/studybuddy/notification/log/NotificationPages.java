package dev.studybuddy.notification.log;

import dev.studybuddy.notification.web.PagingProperties;
import dev.studybuddy.platform.web.CursorPage;
import dev.studybuddy.platform.web.Cursors;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the log newest first, one cursor page at a time, for whatever filter the caller needs. */
@Component
public class NotificationPages {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final NotificationRepository repository;
    private final PagingProperties paging;

    NotificationPages(NotificationRepository repository, PagingProperties paging) {
        this.repository = repository;
        this.paging = paging;
    }

    @Transactional(readOnly = true)
    public <T> CursorPage<T> newestFirst(
            Specification<Notification> filter, String cursor, Integer limit, Function<Notification, T> view) {
        int size = paging.limit(limit);
        Specification<Notification> page =
                !Cursors.given(cursor) ? filter : filter.and(NotificationFilters.olderThan(LogCursor.decode(cursor)));
        // One row more than asked tells whether another page follows, without counting.
        List<Notification> rows = repository.findBy(
                page, query -> query.sortBy(NEWEST_FIRST).limit(size + 1).all());
        boolean more = rows.size() > size;
        List<Notification> shown = more ? rows.subList(0, size) : rows;
        String next = more ? LogCursor.of(shown.get(size - 1)).encode() : null;
        return new CursorPage<>(shown.stream().map(view).toList(), next);
    }
}
