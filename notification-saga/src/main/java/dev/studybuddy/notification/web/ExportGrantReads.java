package dev.studybuddy.notification.web;

import dev.studybuddy.platform.security.ExportGrantEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What query-side's account export reads here with an export grant (docs/adr/0017-account-export.md): the inbox,
 * page by page, and the notification preferences. Nothing else accepts a grant.
 */
@Configuration
class ExportGrantReads {

    @Bean
    ExportGrantEndpoints exportReads() {
        return ExportGrantEndpoints.of("/api/notifications", "/api/notifications/preferences");
    }
}
