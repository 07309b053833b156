package dev.studybuddy.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a cursor-paged list, as every service answers its lists (API.md):
 * {@code {"items": [...], "nextCursor": "..." | null}}. {@code nextCursor} is null on the last page.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public CursorPage {
        items = List.copyOf(items);
    }

    /**
     * Builds the page from up to {@code limit + 1} rows in list order: the extra row only tells that
     * another page follows, which then starts after the key of this page's last item.
     */
    public static <T> CursorPage<T> of(List<T> fetched, int limit, Function<T, String> keyOf) {
        if (fetched.size() <= limit) {
            return new CursorPage<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new CursorPage<>(items, Cursors.encode(keyOf.apply(items.get(limit - 1))));
    }

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
