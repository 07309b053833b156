package dev.studybuddy.command.file;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.file.FilePurpose;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * Decides an upload's type from its bytes (Apache Tika's magic), never from what the client claims, and
 * checks it against what the purpose allows. The file name may only refine the content's type (a ZIP
 * named {@code .docx} is a Word document, plain text named {@code .md} is Markdown); a name that
 * contradicts the content (HTML named {@code .png}) is refused.
 */
@Component
class ContentTypes {

    static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    static final Set<String> DOCUMENTS = Set.of(
            "application/pdf",
            "text/plain",
            "text/markdown",
            "application/zip",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
            "application/msword",
            "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    /** Tika's names for types that have a registered one. */
    private static final Map<String, String> CANONICAL = Map.of("text/x-web-markdown", "text/markdown");

    private final MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = mimeTypes.getMediaTypeRegistry();

    /** @return the type to record and serve the file with; 415 if the purpose does not allow it */
    String decide(Path content, String fileName, FilePurpose purpose) throws IOException {
        MediaType fromContent = byContent(content);
        MediaType fromName = byName(fileName);
        MediaType decided;
        if (fromName.equals(MediaType.OCTET_STREAM)
                || fromName.equals(fromContent)
                || registry.isSpecializationOf(fromName, fromContent)) {
            decided = fromName.equals(MediaType.OCTET_STREAM) ? fromContent : fromName;
        } else if (registry.isSpecializationOf(fromContent, fromName)) {
            decided = fromContent;
        } else {
            throw new DomainException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The file's name says " + fromName + " but its content is " + fromContent + ".");
        }
        String type = CANONICAL.getOrDefault(decided.toString(), decided.toString());
        if (!allowed(purpose).contains(type)) {
            throw new DomainException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Files of type " + type + " are not accepted as " + purpose + "; allowed: " + allowed(purpose)
                            + ".");
        }
        return type;
    }

    static Set<String> allowed(FilePurpose purpose) {
        if (purpose == FilePurpose.AVATAR) {
            return IMAGES;
        }
        java.util.Set<String> all = new java.util.TreeSet<>(IMAGES);
        all.addAll(DOCUMENTS);
        return all;
    }

    private MediaType byContent(Path content) throws IOException {
        try (InputStream in = TikaInputStream.get(content)) {
            return base(mimeTypes.detect(in, new Metadata()));
        }
    }

    private MediaType byName(String fileName) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        return base(mimeTypes.detect(null, metadata));
    }

    private MediaType base(MediaType type) {
        return registry.normalize(type).getBaseType();
    }
}
