package dev.studybuddy.command.user;

import dev.studybuddy.api.user.ChangePlatformRolesCommand;
import dev.studybuddy.api.user.DeactivateUserCommand;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.ReactivateUserCommand;
import dev.studybuddy.command.identity.CredentialLock;
import dev.studybuddy.platform.consistency.Commands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Platform RBAC: only administrators grant roles and close accounts. */
@RestController
@RequestMapping("/api/admin/users/{userId}")
@PreAuthorize("hasRole('ADMIN')")
class AdminController {

    private final Commands commands;
    private final CredentialLock credentialLock;

    AdminController(Commands commands, CredentialLock credentialLock) {
        this.commands = commands;
        this.credentialLock = credentialLock;
    }

    @PutMapping("/roles")
    ResponseEntity<Void> changeRoles(@PathVariable UUID userId, @Valid @RequestBody ChangeRolesRequest request) {
        credentialLock.sendAndWait(userId, new ChangePlatformRolesCommand(userId, request.roles()));
        return commands.noContent(userId);
    }

    @PostMapping("/deactivate")
    ResponseEntity<Void> deactivate(@PathVariable UUID userId) {
        credentialLock.sendAndWait(userId, new DeactivateUserCommand(userId));
        return commands.noContent(userId);
    }

    /** 204 for an open account too (nothing changes); 422 for an erased one. */
    @PostMapping("/reactivate")
    ResponseEntity<Void> reactivate(@PathVariable UUID userId) {
        credentialLock.sendAndWait(userId, new ReactivateUserCommand(userId));
        return commands.noContent(userId);
    }

    record ChangeRolesRequest(@NotNull Set<@NotNull PlatformRole> roles) {}
}
