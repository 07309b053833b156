package dev.studybuddy.command.audit;

import dev.studybuddy.platform.audit.PlainTextRedaction;
import dev.studybuddy.platform.security.CurrentUser;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one-off redaction of personal fields stored in clear text before they were sealed (docs/adr/0019), asked for by
 * a platform administrator. Here, because command-side is the one service that creates users' keys. It answers when
 * it is done (it reads the whole event store once); what it did is also recorded in the event store
 * ({@link PlainTextRedaction#RECORDS}) and logged.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class PlainTextRedactionController {

    private final PlainTextRedaction redaction;
    private final Clock clock;

    PlainTextRedactionController(PlainTextRedaction redaction, Clock clock) {
        this.redaction = redaction;
        this.clock = clock;
    }

    @PostMapping("/api/admin/event-store/redactions")
    // one at a time on this node: two runs side by side would each relink what the other rewrote
    synchronized PlainTextRedaction.Report redact() {
        return redaction.run(CurrentUser.id().toString(), clock.instant());
    }
}
