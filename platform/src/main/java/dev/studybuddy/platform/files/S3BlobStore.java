package dev.studybuddy.platform.files;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects of one S3 (or S3-compatible) bucket, keyed as {@link BlobKeys} makes them. A put of
 * an existing key is skipped: the key is the content's hash, so the object already holds these bytes.
 */
public class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final String bucket;

    public S3BlobStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, Path source, String contentType) throws IOException {
        if (exists(key)) {
            return;
        }
        s3.putObject(
                PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(BlobKeys.requireValid(key))
                        .contentType(contentType)
                        .build(),
                RequestBody.fromFile(source));
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(HeadObjectRequest.builder()
                    .bucket(bucket)
                    .key(BlobKeys.requireValid(key))
                    .build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public long size(String key) throws IOException {
        try {
            return s3.headObject(HeadObjectRequest.builder()
                            .bucket(bucket)
                            .key(BlobKeys.requireValid(key))
                            .build())
                    .contentLength();
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException("no blob " + key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new FileNotFoundException("no blob " + key);
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(GetObjectRequest.builder()
                    .bucket(bucket)
                    .key(BlobKeys.requireValid(key))
                    .build());
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException("no blob " + key);
        }
    }

    /** A ranged GetObject: S3 sends only those bytes, and ends the range where the object ends. */
    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        ByteRanges.requireValid(offset, length);
        try {
            return s3.getObject(GetObjectRequest.builder()
                    .bucket(bucket)
                    .key(BlobKeys.requireValid(key))
                    .range("bytes=" + offset + "-" + ByteRanges.last(offset, length))
                    .build());
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException("no blob " + key);
        } catch (S3Exception e) {
            if (e.statusCode() == 416) { // InvalidRange: the object ends before the offset
                return InputStream.nullInputStream();
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(DeleteObjectRequest.builder()
                .bucket(bucket)
                .key(BlobKeys.requireValid(key))
                .build());
    }
}
