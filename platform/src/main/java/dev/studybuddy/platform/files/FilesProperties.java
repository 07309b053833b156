package dev.studybuddy.platform.files;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where blobs are stored ({@code studybuddy.files.*}, defaults in studybuddy-platform.yml).
 *
 * @param store           {@code local} (a directory, the default) or {@code s3}
 * @param localDirectory  the directory of the local store
 * @param s3              the bucket of the S3 store
 */
@ConfigurationProperties("studybuddy.files")
public record FilesProperties(Store store, Path localDirectory, S3 s3) {

    public enum Store {
        LOCAL,
        S3
    }

    public FilesProperties {
        store = store == null ? Store.LOCAL : store;
        localDirectory = localDirectory == null ? Path.of("data", "uploads") : localDirectory;
        s3 = s3 == null ? new S3(null, "studybuddy-uploads", "us-east-1", null, null, false) : s3;
    }

    /**
     * @param endpoint  an S3-compatible server's URL; empty for AWS itself
     * @param accessKey with {@code secretKey}: static credentials; empty for the SDK's default chain
     *                  (environment, profile, instance role)
     * @param pathStyle {@code bucket} in the path instead of the host name (most S3-compatible servers)
     */
    public record S3(
            URI endpoint, String bucket, String region, String accessKey, String secretKey, boolean pathStyle) {}
}
