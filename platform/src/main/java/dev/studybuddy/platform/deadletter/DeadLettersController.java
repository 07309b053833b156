package dev.studybuddy.platform.deadletter;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The parked events of this service's processors: auditors and administrators look, administrators act. */
@RestController
@RequestMapping("/api/admin/projections/{name}/dead-letters")
public class DeadLettersController {

    private final DeadLetters deadLetters;

    public DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    public Map<String, List<ParkedEvent>> list(@PathVariable String name) {
        return Map.of("items", deadLetters.list(name).orElseThrow(() -> unknown(name)));
    }

    /** 200 with what the retry achieved; letters whose event fails again stay, with the new cause. */
    @PostMapping("/retry")
    @PreAuthorize("hasRole('ADMIN')")
    public DeadLetters.Retried retry(@PathVariable String name) {
        return deadLetters.retry(name).orElseThrow(() -> unknown(name));
    }

    /** 204: the event will never be applied; the events parked behind it wait for a retry. */
    @DeleteMapping("/{eventId}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> drop(@PathVariable String name, @PathVariable String eventId) {
        if (!deadLetters.parks(name) || !deadLetters.drop(name, eventId)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such dead letter.");
        }
        return ResponseEntity.noContent().build();
    }

    private static DomainException unknown(String name) {
        return new DomainException(ErrorCode.NOT_FOUND, "No processor '" + name + "' parks events here.");
    }
}
