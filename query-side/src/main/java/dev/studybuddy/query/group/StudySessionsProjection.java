package dev.studybuddy.query.group;

import dev.studybuddy.api.group.StudySessionCancelledEvent;
import dev.studybuddy.api.group.StudySessionRescheduledEvent;
import dev.studybuddy.api.group.StudySessionScheduledEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A group's study sessions ({@code group_sessions}), cancelled ones kept and marked. Part of the {@code groups}
 * processor with {@link GroupsProjection}: each event touches its group's row as every Group event does, and the
 * rows go with their group on a reset ({@code ON DELETE CASCADE}).
 */
@Component
@ProcessingGroup(GroupsProjection.PROCESSING_GROUP)
class StudySessionsProjection {

    private final JdbcTemplate jdbc;

    StudySessionsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StudySessionScheduledEvent event, @Timestamp Instant at) {
        jdbc.update(
                """
                INSERT INTO group_sessions (session_id, group_id, title, starts_at, duration_minutes, scheduled_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING""",
                event.sessionId(),
                event.groupId(),
                event.title(),
                GroupsProjection.utc(event.startsAt()),
                event.durationMinutes(),
                event.scheduledBy(),
                GroupsProjection.utc(at));
        GroupsProjection.touch(jdbc, event.groupId(), at);
    }

    @EventHandler
    void on(StudySessionRescheduledEvent event, @Timestamp Instant at) {
        jdbc.update(
                "UPDATE group_sessions SET title = ?, starts_at = ?, duration_minutes = ?, updated_at = ? WHERE session_id = ?",
                event.title(),
                GroupsProjection.utc(event.startsAt()),
                event.durationMinutes(),
                GroupsProjection.utc(at),
                event.sessionId());
        GroupsProjection.touch(jdbc, event.groupId(), at);
    }

    @EventHandler
    void on(StudySessionCancelledEvent event, @Timestamp Instant at) {
        jdbc.update(
                "UPDATE group_sessions SET cancelled = TRUE, updated_at = ? WHERE session_id = ?",
                GroupsProjection.utc(at),
                event.sessionId());
        GroupsProjection.touch(jdbc, event.groupId(), at);
    }
}
