package dev.studybuddy.query.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.platform.web.CursorPage;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the export reads from command-side and notification-saga before its first byte: a grant to read with, then
 * the address, the sessions, the notification preferences and the inbox's first page. Any of them failing is
 * {@link NotAnswering}, a 503 before anything is streamed rather than an export with a hole in it.
 */
@Component
class OtherServices {

    private final CallerGrant grants;
    private final AccountAddress addresses;
    private final AccountSessions sessions;
    private final NotificationSettings settings;
    private final NotificationInbox inbox;

    OtherServices(
            CallerGrant grants,
            AccountAddress addresses,
            AccountSessions sessions,
            NotificationSettings settings,
            NotificationInbox inbox) {
        this.grants = grants;
        this.addresses = addresses;
        this.sessions = sessions;
        this.settings = settings;
        this.inbox = inbox;
    }

    Parts read(String accessToken) {
        String grant = grants.of(accessToken);
        return new Parts(grant, addresses.of(grant), sessions.of(grant), settings.of(grant), inbox.page(grant, null));
    }

    /** @param grant what the later inbox pages are read with, while the export streams */
    record Parts(
            String grant,
            Optional<AccountAddress.Address> address,
            List<AccountSessions.Session> sessions,
            NotificationSettings.Preferences preferences,
            CursorPage<JsonNode> firstNotifications) {}
}
