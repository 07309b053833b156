package dev.studybuddy.query.file;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.file.FilePurpose;
import dev.studybuddy.platform.files.BlobKeys;
import dev.studybuddy.platform.files.BlobStore;
import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.platform.web.Problems;
import dev.studybuddy.query.consistency.ReadYourWrites;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads and metadata of uploaded files, for those allowed to see them ({@link FileDirectory});
 * everyone else, and everyone once the file is deleted, gets 404. The bytes come from the blob store
 * under the key of the recorded content hash. Ranges ({@code Range: bytes=…} → 206) and conditional
 * requests ({@code If-None-Match} on the ETag, which is the hash) are Spring MVC's handling of a
 * {@code ResponseEntity<Resource>}; platform's {@code BlobRegionHttpMessageConverter} reads each range
 * alone from the store. What Spring does not do is here: {@code If-Range} (a validator other than the ETag means
 * the whole file, 200, RFC 9110 13.1.5), a range unit other than bytes (ignored: the whole file) and a 416 without
 * the whole file as its body (a problem instead).
 */
@RestController
@ReadYourWrites(FilesProjection.PROCESSING_GROUP)
class FilesController {

    /** Shown inline by a browser; anything else is a download. Never HTML or SVG: uploads refuse them. */
    private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    /** Nothing a served file contains may run or load anything, even if a browser renders it. */
    private static final String SANDBOX = "default-src 'none'; sandbox";

    private static final String BYTES = "bytes=";

    private final FileDirectory files;
    private final BlobStore blobs;
    private final List<Integer> thumbnailSizes;

    FilesController(
            FileDirectory files,
            BlobStore blobs,
            @Value("${studybuddy.files.thumbnail-sizes:64,256}") List<Integer> thumbnailSizes) {
        this.files = files;
        this.blobs = blobs;
        this.thumbnailSizes = List.copyOf(thumbnailSizes);
    }

    @GetMapping("/api/files/{fileId}")
    ResponseEntity<?> download(
            @PathVariable UUID fileId, @RequestParam(required = false) Integer size, @RequestHeader HttpHeaders request)
            throws IOException {
        StoredFileView file = visible(fileId);
        if (size == null) {
            return serve(
                    request,
                    file,
                    BlobKeys.content(file.contentHash()),
                    file.size(),
                    file.contentType(),
                    file.contentHash(),
                    file.fileName());
        }
        if (!thumbnailSizes.contains(size)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "size must be one of " + thumbnailSizes + ".");
        }
        if (file.purpose() != FilePurpose.AVATAR) {
            throw new DomainException(ErrorCode.NOT_FOUND, "Only avatars have thumbnails.");
        }
        String key = BlobKeys.thumbnail(file.contentHash(), size);
        long length;
        try {
            length = blobs.size(key);
        } catch (FileNotFoundException e) {
            throw new DomainException(ErrorCode.NOT_FOUND, "This avatar has no thumbnail of that size.");
        }
        return serve(
                request,
                file,
                key,
                length,
                MediaType.IMAGE_PNG_VALUE,
                file.contentHash() + "-" + size,
                stem(file.fileName()) + "-" + size + ".png");
    }

    @GetMapping("/api/files/{fileId}/meta")
    FileMetadata meta(@PathVariable UUID fileId) {
        StoredFileView file = visible(fileId);
        return new FileMetadata(
                file.fileId(),
                file.ownerId(),
                file.fileName(),
                file.contentType(),
                file.size(),
                file.purpose(),
                file.uploadedAt());
    }

    record FileMetadata(
            UUID fileId,
            UUID ownerId,
            String fileName,
            String contentType,
            long size,
            FilePurpose purpose,
            Instant uploadedAt) {}

    private StoredFileView visible(UUID fileId) {
        return files.visibleTo(fileId, CurrentUser.id())
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such file."));
    }

    private ResponseEntity<?> serve(
            HttpHeaders request,
            StoredFileView file,
            String key,
            long length,
            String contentType,
            String etag,
            String downloadName)
            throws IOException {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .eTag(etag)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        DownloadNames.contentDisposition(INLINE.contains(contentType), downloadName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX);
        Resource blob = blobs.resource(key, length);
        ETag current = new ETag(etag, false);
        String range = request.getFirst(HttpHeaders.RANGE);
        if (range == null || notModified(request, current)) {
            return answer.body(blob); // Spring answers 304 to a matching If-None-Match, whatever the range
        }
        if (!range.regionMatches(true, 0, BYTES, 0, BYTES.length())
                || !sameRepresentation(request.getFirst(HttpHeaders.IF_RANGE), current)) {
            // Spring answers every Range of a Resource, but never one of an InputStreamResource
            return answer.contentLength(length).body(new InputStreamResource(blob.getInputStream()));
        }
        try {
            HttpRange.toResourceRegions(HttpRange.parseRanges(range), blob);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + length)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(
                            ErrorCode.RANGE_NOT_SATISFIABLE,
                            "The file has " + length + " bytes: no range asked for lies within them, or too many"
                                    + " were asked for."));
        }
        return answer.body(blob);
    }

    /**
     * Whether Spring will answer 304: its own rule (ServletWebRequest's), a weak comparison with each tag of
     * If-None-Match as its lenient parser reads them, so that what it cannot parse is ignored here too.
     */
    private static boolean notModified(HttpHeaders request, ETag current) {
        return request.getOrEmpty(HttpHeaders.IF_NONE_MATCH).stream()
                .flatMap(header -> ETag.parse(header).stream())
                .anyMatch(tag -> tag.isWildcard() || tag.compare(current, false));
    }

    /** A strong match of the {@code If-Range} validator, if any, with the ETag; a date never matches (none is sent). */
    private static boolean sameRepresentation(String ifRange, ETag current) {
        return ifRange == null || ifRange.trim().equals(current.formattedTag());
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
