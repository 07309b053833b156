package dev.studybuddy.platform.scheduling;

/** Where in Spring's start and stop order the services' own lifecycle beans stand. */
public final class LifecyclePhases {

    /**
     * Stops after the web server has let its requests finish (graceful shutdown at {@code Integer.MAX_VALUE - 1024},
     * the server at {@code - 2048}) and after Axon ({@code - 3072}), so that what they commit is still told, and
     * before Redis's connection factory (phase 0), which a {@code @PreDestroy} would run after.
     */
    public static final int AFTER_REQUESTS_BEFORE_REDIS = Integer.MAX_VALUE - 4096;

    private LifecyclePhases() {}
}
