package dev.studybuddy.command.idempotency;

import dev.studybuddy.platform.scheduling.PeriodicTask;
import dev.studybuddy.platform.web.ProblemWriter;
import dev.studybuddy.platform.web.ServiceUnavailable;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Safe retries for every POST of the API, in one place rather than in each controller. */
@Configuration
class IdempotencyConfiguration {

    /** After the security filters, which say whose key it is; before the controllers, whose effect it guards. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyRecords records, ProblemWriter problems, ServiceUnavailable unavailable) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(records, problems, unavailable));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    PeriodicTask expiredIdempotencyKeySweep(ExpiredIdempotencyKeys expired, IdempotencyProperties properties) {
        return PeriodicTask.every(properties.cleanupInterval(), "idempotency-key-sweep", expired::deleteRegularly);
    }
}
