package dev.studybuddy.query.search;

import dev.studybuddy.query.group.StalledRosters;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Searches {@code message_search} as one user may: the messages of the groups they are a member of now (by the
 * groups read model's roster, leaving out groups whose roster is stalled, docs/adr/0013) and the direct messages
 * they sent or received. Matching and ranking are PostgreSQL's: {@code websearch_to_tsquery} under the
 * 'english' configuration the index is built with, ranked by {@code ts_rank_cd} (cover density: matches close
 * together and many of them rank higher), newest first among equals; {@code ts_headline} cuts the snippets,
 * only for the page's rows.
 */
@Component
class MessageIndex {

    /** The configuration of the generated {@code document} column (V10): the query must stem alike. */
    private static final String CONFIG = "english";
    /**
     * The query as the document column reads the body (V13): with {@code <} and {@code >} as spaces, so that
     * PostgreSQL's parser sees no HTML tag in {@code Map<String>} or {@code <vector>} and drops no word the user typed.
     */
    private static final String QUERY = "websearch_to_tsquery('" + CONFIG + "', translate(?, '<>', '  '))";
    /**
     * {@code ts_headline} leaves out what the parser takes for a tag, so it reads the body with {@code <} and
     * {@code >} as two other characters no body holds, given back before the snippet is escaped.
     */
    private static final String HEADLINE_BODY = "translate(page.body, '<>', chr(3) || chr(4))";

    private static final char LESS_THAN_STAND_IN = '\u0003';
    private static final char GREATER_THAN_STAND_IN = '\u0004';
    /** Control characters mark the matches: no message body holds one, so escaping cannot confuse them. */
    private static final String START = "\u0001";

    private static final String STOP = "\u0002";
    private static final String HEADLINE = "StartSel=" + START + ", StopSel=" + STOP
            + ", MinWords=10, MaxWords=30, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";
    /** A search by author alone has no matches to show: the snippet is the body's start. */
    private static final int PLAIN_SNIPPET_LENGTH = 200;

    private final JdbcTemplate jdbc;
    private final StalledRosters stalledRosters;

    MessageIndex(JdbcTemplate jdbc, StalledRosters stalledRosters) {
        this.jdbc = jdbc;
        this.stalledRosters = stalledRosters;
    }

    /**
     * @param conversationId only this conversation (the caller's access to it already checked), or null
     * @param after          the cursor's position, or null for the first page
     * @return up to {@code limit} hits in rank order, with the sort key of each
     */
    List<Ranked> search(
            UUID viewerId,
            MessageQuery query,
            String conversationId,
            Instant from,
            Instant to,
            SearchCursor after,
            int limit) {
        List<Object> arguments = new ArrayList<>();
        String rank = query.hasText() ? "ts_rank_cd(s.document, " + QUERY + ")" : "CAST(0 AS real)";
        StringBuilder sql = new StringBuilder(
                "SELECT s.message_id, s.conversation_id, s.seq, s.sender_id, s.body," + " s.posted_at, s.edited_at, ");
        sql.append(rank).append(" AS rank FROM message_search s WHERE ");
        if (query.hasText()) {
            arguments.add(query.text());
        }
        sql.append(readableBy(viewerId, arguments));
        if (query.hasText()) {
            sql.append(" AND s.document @@ ").append(QUERY);
            arguments.add(query.text());
        }
        if (query.fromUsername() != null) {
            sql.append(" AND s.sender_id IN (SELECT u.user_id FROM users u WHERE lower(u.username) = lower(?))");
            arguments.add(query.fromUsername());
        }
        if (conversationId != null) {
            sql.append(" AND s.conversation_id = ?");
            arguments.add(conversationId);
        }
        if (from != null) {
            sql.append(" AND s.posted_at >= ?");
            arguments.add(utc(from));
        }
        if (to != null) {
            sql.append(" AND s.posted_at < ?");
            arguments.add(utc(to));
        }
        if (after != null) {
            sql.append(" AND (").append(rank).append(", s.posted_at, s.message_id) < (CAST(? AS real), ?, ?)");
            if (query.hasText()) {
                arguments.add(query.text());
            }
            arguments.addAll(List.of(after.rank(), utc(after.postedAt()), after.messageId()));
        }
        sql.append(" ORDER BY rank DESC, s.posted_at DESC, s.message_id DESC LIMIT ?");
        arguments.add(limit);

        String page = "SELECT page.*, "
                + (query.hasText() ? "ts_headline('" + CONFIG + "', " + HEADLINE_BODY + ", " + QUERY + ", ?)" : "NULL")
                + " AS headline FROM (" + sql
                + ") page ORDER BY page.rank DESC, page.posted_at DESC, page.message_id DESC";
        if (query.hasText()) {
            arguments.add(0, HEADLINE);
            arguments.add(0, query.text());
        }
        return jdbc.query(
                page,
                (row, i) -> {
                    Instant postedAt =
                            row.getObject("posted_at", OffsetDateTime.class).toInstant();
                    OffsetDateTime editedAt = row.getObject("edited_at", OffsetDateTime.class);
                    String headline = row.getString("headline");
                    MessageHit hit = new MessageHit(
                            row.getObject("message_id", UUID.class),
                            row.getString("conversation_id"),
                            row.getLong("seq"),
                            row.getObject("sender_id", UUID.class),
                            headline == null ? plain(row.getString("body")) : marked(headline),
                            postedAt,
                            editedAt == null ? null : editedAt.toInstant());
                    return new Ranked(hit, row.getFloat("rank"));
                },
                arguments.toArray());
    }

    /** The caller's current groups (settled rosters only) and their own direct messages. */
    private String readableBy(UUID viewerId, List<Object> arguments) {
        List<String> stalled = List.copyOf(stalledRosters.groups());
        arguments.add(viewerId);
        arguments.addAll(stalled);
        arguments.add(viewerId);
        arguments.add(viewerId);
        String settledRostersOnly = stalled.isEmpty()
                ? ""
                : " AND CAST(m.group_id AS text) NOT IN (" + String.join(",", Collections.nCopies(stalled.size(), "?"))
                        + ")";
        return "(s.group_id IN (SELECT m.group_id FROM group_members m WHERE m.user_id = ?" + settledRostersOnly + ")"
                + " OR (s.group_id IS NULL AND (s.sender_id = ? OR s.recipient_id = ?)))";
    }

    /** The headline escaped for HTML, its match markers turned into {@code <mark>} elements. */
    static String marked(String headline) {
        String typed = headline.replace(LESS_THAN_STAND_IN, '<').replace(GREATER_THAN_STAND_IN, '>');
        return escape(typed).replace(START, "<mark>").replace(STOP, "</mark>");
    }

    static String plain(String body) {
        if (body.codePointCount(0, body.length()) <= PLAIN_SNIPPET_LENGTH) {
            return escape(body);
        }
        return escape(body.substring(0, body.offsetByCodePoints(0, PLAIN_SNIPPET_LENGTH))) + "…";
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append((char) c);
            }
        });
        return escaped.toString();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** A hit and its rank, which the next page's cursor carries. */
    record Ranked(MessageHit hit, float rank) {}
}
