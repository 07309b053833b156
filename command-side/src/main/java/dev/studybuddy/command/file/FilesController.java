package dev.studybuddy.command.file;

import dev.studybuddy.api.file.FilePurpose;
import dev.studybuddy.platform.consistency.Commands;
import dev.studybuddy.platform.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload intake and deletion; downloads are query-side's. */
@RestController
class FilesController {

    private final Uploads uploads;
    private final UploadRateLimiter rateLimiter;
    private final FileCatalog catalog;
    private final Commands commands;

    FilesController(Uploads uploads, UploadRateLimiter rateLimiter, FileCatalog catalog, Commands commands) {
        this.uploads = uploads;
        this.rateLimiter = rateLimiter;
        this.catalog = catalog;
        this.commands = commands;
    }

    /**
     * The multipart part is on disk already (small threshold); it is read as a stream, never whole, and only
     * within the user's upload budget (429 beyond it).
     */
    @PostMapping(path = "/api/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Uploads.Uploaded> upload(
            @RequestPart("file") MultipartFile file, @RequestParam("purpose") FilePurpose purpose) throws IOException {
        UUID me = CurrentUser.id();
        rateLimiter.admit(me, purpose);
        Uploads.Uploaded uploaded;
        try (InputStream content = file.getInputStream()) {
            uploaded = uploads.upload(me, purpose, file.getOriginalFilename(), content);
        }
        return commands.respond(HttpStatus.CREATED, uploaded.fileId(), uploaded);
    }

    @DeleteMapping("/api/files/{fileId}")
    ResponseEntity<Void> delete(@PathVariable UUID fileId) {
        catalog.delete(fileId, CurrentUser.id());
        return commands.noContent(fileId);
    }
}
