package dev.studybuddy.query.export;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.user.FindUserQuery;
import dev.studybuddy.api.user.UserProfile;
import dev.studybuddy.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
 * "Account export"; docs/adr/0017-account-export.md). What can fail is asked before the first byte (the profile,
 * the address from command-side, the inbox's first page), so that it is a problem answer and not a broken stream.
 */
@RestController
class AccountExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private static final Logger log = LoggerFactory.getLogger(AccountExportController.class);

    private final QueryGateway queryGateway;
    private final AccountAddress addresses;
    private final NotificationInbox notifications;
    private final AccountExport export;

    AccountExportController(
            QueryGateway queryGateway,
            AccountAddress addresses,
            NotificationInbox notifications,
            AccountExport export) {
        this.queryGateway = queryGateway;
        this.addresses = addresses;
        this.notifications = notifications;
        this.export = export;
    }

    @Operation(
            summary = "Export everything the platform holds about the caller",
            description = "NDJSON, one JSON object a line with a type: profile, friendship, block, membership, file, "
                    + "message, reaction, notification, then end (or incomplete when notification-saga stopped "
                    + "answering mid-way). Only the caller's own data. docs/api.md \"Account export\".",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "The export, streamed",
                        content = @Content(mediaType = "application/x-ndjson")),
                @ApiResponse(responseCode = "401", description = "No valid access token"),
                @ApiResponse(responseCode = "404", description = "The account is not projected yet"),
                @ApiResponse(
                        responseCode = "503",
                        description = "notification-saga's inbox or command-side's address "
                                + "cannot be read: nothing is exported rather than an incomplete export")
            })
    @GetMapping("/api/users/me/export")
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal Jwt token) {
        UserProfile profile = queryGateway
                .query(new FindUserQuery(CurrentUser.id()), ResponseTypes.optionalInstanceOf(UserProfile.class))
                .join()
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such user."));
        Optional<AccountAddress.Address> address;
        NotificationInbox.Page firstNotifications;
        try {
            address = addresses.of(token.getTokenValue());
            firstNotifications = notifications.page(token.getTokenValue(), null);
        } catch (NotAnswering e) {
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
                .body(out -> export.write(profile, address, token.getTokenValue(), firstNotifications, out));
    }
}
