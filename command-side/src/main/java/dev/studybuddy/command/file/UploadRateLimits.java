package dev.studybuddy.command.file;

import dev.studybuddy.api.file.FilePurpose;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Uploads one user may start ({@code studybuddy.files.rate-limits.*}), counted per purpose: an avatar is
 * decoded into thumbnails, which costs CPU in proportion to its pixels, so it has the smaller budget.
 */
@ConfigurationProperties("studybuddy.files.rate-limits")
public record UploadRateLimits(
        @DefaultValue({"30", "1m"}) Limit attachments,
        @DefaultValue({"5", "1m"}) Limit avatars) {

    /** {@code attempts} at once, refilled evenly over {@code per}. */
    public record Limit(int attempts, Duration per) {}

    public Limit of(FilePurpose purpose) {
        return purpose == FilePurpose.AVATAR ? avatars : attachments;
    }
}
