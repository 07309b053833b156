package dev.studybuddy.command.group;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.studybuddy.api.group.CancelStudySessionCommand;
import dev.studybuddy.api.group.RescheduleStudySessionCommand;
import dev.studybuddy.api.group.ScheduleStudySessionCommand;
import dev.studybuddy.api.group.StudySessionRules;
import dev.studybuddy.command.security.Actors;
import dev.studybuddy.platform.consistency.Commands;
import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.platform.web.IsoInstant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Study sessions of a group (API.md); members are reminded before they start. */
@RestController
@RequestMapping("/api/groups/{groupId}/sessions")
class StudySessionController {

    private final Commands commands;

    StudySessionController(Commands commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<Scheduled> schedule(@PathVariable UUID groupId, @Valid @RequestBody ScheduleRequest request) {
        UUID sessionId = UUID.randomUUID();
        commands.sendAndWait(new ScheduleStudySessionCommand(
                groupId, sessionId, CurrentUser.id(), request.title(), request.startsAt(), request.durationMinutes()));
        return commands.respond(HttpStatus.CREATED, groupId, new Scheduled(sessionId));
    }

    @PatchMapping("/{sessionId}")
    ResponseEntity<Void> reschedule(
            @PathVariable UUID groupId, @PathVariable UUID sessionId, @Valid @RequestBody RescheduleRequest request) {
        return commands.send(
                new RescheduleStudySessionCommand(
                        groupId,
                        sessionId,
                        Actors.current(),
                        request.title(),
                        request.startsAt(),
                        request.durationMinutes()),
                groupId);
    }

    @DeleteMapping("/{sessionId}")
    ResponseEntity<Void> cancel(@PathVariable UUID groupId, @PathVariable UUID sessionId) {
        return commands.send(new CancelStudySessionCommand(groupId, sessionId, Actors.current()), groupId);
    }

    record ScheduleRequest(
            @NotBlank @Size(max = StudySessionRules.MAX_TITLE)
            String title,

            @NotNull @JsonDeserialize(using = IsoInstant.class)
            Instant startsAt,

            @NotNull @Min(StudySessionRules.MIN_DURATION_MINUTES) @Max(StudySessionRules.MAX_DURATION_MINUTES)
            Integer durationMinutes) {}

    record RescheduleRequest(
            @Size(min = 1, max = StudySessionRules.MAX_TITLE)
            String title,

            @JsonDeserialize(using = IsoInstant.class) Instant startsAt,

            @Min(StudySessionRules.MIN_DURATION_MINUTES) @Max(StudySessionRules.MAX_DURATION_MINUTES)
            Integer durationMinutes) {}

    record Scheduled(UUID sessionId) {}
}
