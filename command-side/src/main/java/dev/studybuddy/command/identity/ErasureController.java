package dev.studybuddy.command.identity;

import dev.studybuddy.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Erasure of an account, by its owner with their password or by a platform administrator (docs/adr/0019). */
@RestController
class ErasureController {

    private final AccountErasure erasure;

    ErasureController(AccountErasure erasure) {
        this.erasure = erasure;
    }

    @DeleteMapping("/api/users/me")
    ResponseEntity<Void> eraseMe(@Valid @RequestBody EraseMeRequest request, HttpServletRequest http) {
        erasure.eraseOwn(CurrentUser.id(), SignInSession.Client.of(http).address(), request.password());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/admin/users/{userId}/erase")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> erase(@PathVariable UUID userId) {
        erasure.eraseByAdministrator(userId);
        return ResponseEntity.noContent().build();
    }

    record EraseMeRequest(@NotBlank @Size(max = 128) String password) {}
}
