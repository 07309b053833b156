package dev.studybuddy.platform.files;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The blob store of {@code studybuddy.files.store}: a local directory, or an S3 bucket. */
@AutoConfiguration
@EnableConfigurationProperties(FilesProperties.class)
public class BlobStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public BlobStore blobStore(FilesProperties properties) {
        return switch (properties.store()) {
            case LOCAL -> new LocalDiskBlobStore(properties.localDirectory());
            case S3 ->
                new S3BlobStore(s3Client(properties.s3()), properties.s3().bucket());
        };
    }

    /** Ranges of downloads read only their bytes from the store (Boot puts it before Spring's own). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public BlobRegionHttpMessageConverter blobRegionHttpMessageConverter() {
        return new BlobRegionHttpMessageConverter();
    }

    /** Also used by tests, to point the store at an in-process S3-compatible server. */
    public static S3Client s3Client(FilesProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .credentialsProvider(credentials(s3))
                .forcePathStyle(s3.pathStyle());
        if (s3.endpoint() != null && !s3.endpoint().toString().isBlank()) {
            builder.endpointOverride(s3.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(FilesProperties.S3 s3) {
        if (s3.accessKey() != null && !s3.accessKey().isBlank()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
