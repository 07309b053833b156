package dev.studybuddy.platform.web;

import java.util.function.Predicate;

/** A failure's chain of causes, however deep the framework wrapped the one that tells what happened. */
final class CauseChain {

    /** Cause chains are short; a bound keeps a cyclic one from looping. */
    private static final int MAX_DEPTH = 20;

    private CauseChain() {}

    static boolean anyMatch(Throwable failure, Predicate<Throwable> telling) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (telling.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
