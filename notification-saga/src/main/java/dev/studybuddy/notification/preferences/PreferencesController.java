package dev.studybuddy.notification.preferences;

import dev.studybuddy.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications/preferences")
class PreferencesController {

    private final Preferences preferences;

    PreferencesController(Preferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    NotificationPreferences get() {
        return preferences.of(CurrentUser.id());
    }

    @PutMapping
    NotificationPreferences put(@RequestBody NotificationPreferences changes) {
        return preferences.change(CurrentUser.id(), changes);
    }
}
