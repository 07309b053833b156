package dev.studybuddy.command.identity;

import dev.studybuddy.api.user.PlatformRole;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the administrator named in configuration on first start, so that someone can grant roles. */
@Component
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final IdentityProperties properties;
    private final Registration registration;

    FirstAdministrator(IdentityProperties properties, Registration registration) {
        this.properties = properties;
        this.registration = registration;
    }

    @Override
    public void run(ApplicationArguments args) {
        IdentityProperties.Admin admin = properties.admin();
        if (!admin.configured() || registration.usernameExists(admin.username())) {
            return;
        }
        if (admin.email() == null || admin.password() == null) {
            throw new IllegalStateException(
                    "STUDYBUDDY_ADMIN_USERNAME needs STUDYBUDDY_ADMIN_EMAIL and STUDYBUDDY_ADMIN_PASSWORD");
        }
        var userId = registration.register(
                admin.username(),
                admin.email(),
                admin.password(),
                admin.displayName(),
                Set.of(PlatformRole.USER, PlatformRole.ADMIN));
        log.info("Created the first administrator '{}' ({})", admin.username(), userId);
    }
}
