package dev.studybuddy.query.export;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.user.UserProfile;
import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.query.user.UserProfiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/users/me/export}: everything the platform holds about the caller, as NDJSON (docs/api.md,
 * "Account export"; docs/adr/0017-account-export.md). What can fail is asked before the first byte (the profile, the
 * rate limit, the other services' parts), so that it is a problem answer and not a broken stream.
 */
@RestController
class AccountExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private static final Logger log = LoggerFactory.getLogger(AccountExportController.class);

    private final UserProfiles profiles;
    private final ExportRateLimit rateLimit;
    private final OtherServices otherServices;
    private final AccountExport export;

    AccountExportController(
            UserProfiles profiles, ExportRateLimit rateLimit, OtherServices otherServices, AccountExport export) {
        this.profiles = profiles;
        this.rateLimit = rateLimit;
        this.otherServices = otherServices;
        this.export = export;
    }

    @Operation(
            summary = "Export everything the platform holds about the caller",
            description = "NDJSON, one JSON object a line with a type: profile, session, notificationPreferences, "
                    + "friendship, block, membership, file, message, reaction, notification, then end (or incomplete "
                    + "when notification-saga stopped answering mid-way). Only the caller's own data. At most "
                    + "studybuddy.export.rate-limit exports per user (3 an hour). docs/api.md \"Account export\".",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The export, streamed",
                        content = @Content(mediaType = "application/x-ndjson")),
                @ApiResponse(responseCode = "401", description = "No valid access token"),
                @ApiResponse(responseCode = "404", description = "The account is not projected yet"),
                @ApiResponse(
                        responseCode = "429",
                        description = "The caller's exports for the window are spent; Retry-After says when the next"),
                @ApiResponse(
                        responseCode = "503",
                        description = "notification-saga's inbox or preferences, or command-side's grant, address or "
                                + "sessions cannot be read: nothing is exported rather than an incomplete export")
            })
    @GetMapping("/api/users/me/export")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Jwt token) {
        UserProfile profile = profiles.find(CurrentUser.id())
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such user."));
        ExportRateLimit.Admission admission = rateLimit.admit(profile.userId());
        OtherServices.Parts others;
        try {
            others = otherServices.read(token.getTokenValue());
        } catch (NotAnswering e) {
            admission.giveBack();
            log.warn("No account export: {}", e.getMessage());
            throw new DomainException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "Part of the account cannot be read right now, so the export cannot be complete. Try again later.");
        }
        return ResponseEntity.ok()
                .contentType(NDJSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("studybuddy-export.ndjson")
                                .build()
                                .toString())
                .body(out -> export.write(profile, others, out));
    }
}
