package dev.studybuddy.platform.security;

import java.util.List;

/** The exact paths a service lets an export grant {@code GET} ({@link ExportGrants}); none unless it declares some. */
public record ExportGrantEndpoints(List<String> paths) {

    public static ExportGrantEndpoints of(String... paths) {
        return new ExportGrantEndpoints(List.of(paths));
    }
}
