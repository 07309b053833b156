package dev.studybuddy.query.projection;

import dev.studybuddy.platform.security.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The query side's event processors: status for auditors and administrators, replay for
 * administrators. Only this service's projections are listed; the notification service's sagas and
 * side effects have processors of their own there and are never replayed from here.
 */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionsController {

    private final ProjectionStatuses statuses;
    private final ReplayCoordinator replays;

    ProjectionsController(ProjectionStatuses statuses, ReplayCoordinator replays) {
        this.statuses = statuses;
        this.replays = replays;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    Map<String, List<ProjectionStatuses.ProjectionStatus>> projections() {
        return Map.of("items", statuses.all());
    }

    /** 202: every node releases the projection, one resets it, all rebuild it; follow it with the GET. */
    @PostMapping("/{name}/replay")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Map<String, Object>> replay(@PathVariable String name) {
        long generation = replays.request(name, CurrentUser.id().toString());
        return ResponseEntity.accepted()
                .body(Map.of("name", name, "generation", generation, "state", ReplayRequests.REQUESTED));
    }
}
