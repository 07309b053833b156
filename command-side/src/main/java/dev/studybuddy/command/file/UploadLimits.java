package dev.studybuddy.command.file;

import dev.studybuddy.api.file.FilePurpose;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of uploads ({@code studybuddy.files.limits.*}, defaults in application.yml).
 *
 * @param maxFileSize     any one attachment
 * @param maxAvatarSize   any one avatar
 * @param quotaPerUser    the sum of a user's live (not deleted) files
 * @param maxImagePixels  an avatar's width × height: a small file can claim a huge image, and decoding it
 *                        costs CPU in proportion to its pixels, subsampled or not
 * @param thumbnailSizes  the avatar thumbnails made, in pixels on the longer side
 * @param tempDirectory   where an upload is spooled while it is counted, hashed and checked; empty:
 *                        the JVM's temporary directory
 */
@ConfigurationProperties("studybuddy.files.limits")
public record UploadLimits(
        DataSize maxFileSize,
        DataSize maxAvatarSize,
        DataSize quotaPerUser,
        long maxImagePixels,
        List<Integer> thumbnailSizes,
        Path tempDirectory) {

    public UploadLimits {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
        maxAvatarSize = maxAvatarSize == null ? DataSize.ofMegabytes(2) : maxAvatarSize;
        quotaPerUser = quotaPerUser == null ? DataSize.ofMegabytes(500) : quotaPerUser;
        maxImagePixels = maxImagePixels <= 0 ? 4096L * 4096 : maxImagePixels;
        thumbnailSizes =
                thumbnailSizes == null || thumbnailSizes.isEmpty() ? List.of(64, 256) : List.copyOf(thumbnailSizes);
    }

    public long maxSizeOf(FilePurpose purpose) {
        return (purpose == FilePurpose.AVATAR ? maxAvatarSize : maxFileSize).toBytes();
    }
}
