package dev.studybuddy.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * The S3 store against Adobe's S3Mock, an S3-compatible server started in this JVM. It is a Spring Boot
 * application itself, so it is started with the auto-configurations of our own stack (Axon, Mongo, JPA,
 * security, ...) excluded: it needs only the web server.
 */
class S3BlobStoreIT {

    private static final Pattern NOT_FOR_S3MOCK = Pattern.compile(
            "org\\.axonframework.*|dev\\.studybuddy.*|org\\.springdoc.*|.*(Mongo|DataSource|Jdbc|Jpa|Hibernate|Flyway|Security"
                    + "|OAuth2|Transaction|Jooq|Liquibase|Sql|Validation).*");
    private static final String BUCKET = "studybuddy-uploads";

    static S3MockApplication s3mock;
    static S3BlobStore store;
    static S3Client client;

    @BeforeAll
    static void start(@TempDir Path root) {
        String excluded = StreamSupport.stream(
                        ImportCandidates.load(AutoConfiguration.class, S3BlobStoreIT.class.getClassLoader())
                                .spliterator(),
                        false)
                .filter(name -> NOT_FOR_S3MOCK.matcher(name).matches())
                .collect(Collectors.joining(","));
        Map<String, Object> properties = new HashMap<>();
        properties.put(S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT);
        properties.put(S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT);
        properties.put(S3MockApplication.PROP_INITIAL_BUCKETS, BUCKET);
        properties.put(S3MockApplication.PROP_ROOT_DIRECTORY, root.toString());
        properties.put(S3MockApplication.PROP_SILENT, true);
        properties.put("spring.autoconfigure.exclude", excluded);
        s3mock = S3MockApplication.start(properties);
        FilesProperties.S3 s3 = new FilesProperties.S3(
                URI.create("http://127.0.0.1:" + s3mock.getHttpPort()), BUCKET, "us-east-1", "access", "secret", true);
        client = BlobStoreConfiguration.s3Client(s3);
        store = new S3BlobStore(client, BUCKET);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (s3mock != null) {
            s3mock.stop();
        }
    }

    @Test
    void aBlobMakesTheRoundTripWithRanges(@TempDir Path dir) throws Exception {
        String hash = UUID.randomUUID().toString().replace("-", "").repeat(2);
        String key = BlobKeys.content(hash);
        byte[] content = ("round trip " + hash).getBytes(StandardCharsets.UTF_8);
        assertThat(store.exists(key)).isFalse();

        store.put(key, Files.write(dir.resolve("blob"), content), "text/plain");

        assertThat(store.exists(key)).isTrue();
        assertThat(store.size(key)).isEqualTo(content.length);
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        Resource resource = store.resource(key, content.length);
        assertThat(resource.contentLength()).isEqualTo(content.length);
        try (InputStream again = resource.getInputStream()) {
            assertThat(again.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aRangedOpenAsksS3ForExactlyTheRange(@TempDir Path dir) throws Exception {
        String key =
                BlobKeys.content(UUID.randomUUID().toString().replace("-", "").repeat(2));
        byte[] content = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ".getBytes(StandardCharsets.US_ASCII);
        store.put(key, Files.write(dir.resolve("blob"), content), "text/plain");

        RangedOpens.assertReadExactlyTheirBytes(store, key, content);
        try (InputStream in = store.open(key, 10, 5)) {
            GetObjectResponse response = (GetObjectResponse) ((ResponseInputStream<?>) in).response();
            assertThat(response.contentRange()).isEqualTo("bytes 10-14/" + content.length);
            assertThat(response.contentLength()).isEqualTo(5);
        }
        assertThatThrownBy(() -> store.open(BlobKeys.content("0".repeat(64)), 0, 10))
                .isInstanceOf(java.io.FileNotFoundException.class);
    }

    @Test
    void theSameContentIsStoredOnce(@TempDir Path dir) throws Exception {
        String hash = UUID.randomUUID().toString().replace("-", "").repeat(2);
        String key = BlobKeys.content(hash);
        Path file = Files.write(dir.resolve("blob"), "same".getBytes(StandardCharsets.UTF_8));

        store.put(key, file, "text/plain");
        store.put(key, file, "text/plain");

        long copies = client.listObjectsV2(ListObjectsV2Request.builder()
                        .bucket(BUCKET)
                        .prefix(key)
                        .build())
                .keyCount();
        assertThat(copies).isEqualTo(1);
    }

    @Test
    void aDeletedBlobIsGoneAndDeletingItAgainIsHarmless(@TempDir Path dir) throws Exception {
        String key =
                BlobKeys.content(UUID.randomUUID().toString().replace("-", "").repeat(2));
        store.put(key, Files.write(dir.resolve("blob"), "short-lived".getBytes(StandardCharsets.UTF_8)), "text/plain");
        assertThat(store.exists(key)).isTrue();

        store.delete(key);
        store.delete(key);

        assertThat(store.exists(key)).isFalse();
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(java.io.FileNotFoundException.class);
    }

    @Test
    void unknownAndMalformedKeysAreRefused() {
        String missing = BlobKeys.content("0".repeat(64));
        assertThatThrownBy(() -> store.open(missing)).isInstanceOf(java.io.FileNotFoundException.class);
        assertThatThrownBy(() -> store.size(missing)).isInstanceOf(java.io.FileNotFoundException.class);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
