package dev.studybuddy.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The trace id of the request being served, kept in the logging context so every log line shows it. */
public final class TraceIds {

    public static final String MDC_KEY = "traceId";
    public static final String HEADER = "X-Trace-Id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private TraceIds() {}

    public static String currentOrNew() {
        String current = MDC.get(MDC_KEY);
        return current != null ? current : newId();
    }

    /** A caller's trace id is kept only if it is harmless in logs and headers. */
    static String acceptOrNew(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : newId();
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
