package dev.studybuddy.notification.support;

import org.springframework.jdbc.core.JdbcTemplate;

/** Reads what the sagas keep in PostgreSQL: their association values and their db-scheduler deadlines. */
public final class SagaRows {

    private SagaRows() {}

    /** The deadlines whose task data names {@code value} (a session's or a friendship's id, say). */
    public static long deadlinesNaming(JdbcTemplate jdbc, String value) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM scheduled_tasks WHERE position(convert_to(?, 'UTF8') in task_data) > 0",
                Long.class,
                value);
    }

    /** Whether a saga is associated with {@code value}. */
    public static boolean sagaAssociatedWith(JdbcTemplate jdbc, String value) {
        return jdbc.queryForObject(
                        "SELECT count(*) FROM association_value_entry WHERE association_value = ?", Long.class, value)
                > 0;
    }
}
