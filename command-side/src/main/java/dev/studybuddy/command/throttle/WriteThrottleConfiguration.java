package dev.studybuddy.command.throttle;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts a {@link WriteThrottle} of each budget before the paths it counts (their writes only; reads, read positions,
 * answers to others' requests and moderation are not counted).
 */
@Configuration
class WriteThrottleConfiguration implements WebMvcConfigurer {

    private final WriteLimits limits;

    WriteThrottleConfiguration(WriteLimits limits) {
        this.limits = limits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new WriteThrottle(limits.chat()))
                .addPathPatterns(
                        "/api/groups/*/messages", "/api/groups/*/messages/**",
                        "/api/direct/*/messages", "/api/direct/*/messages/**");
        registry.addInterceptor(new WriteThrottle(limits.outreach()))
                .addPathPatterns(
                        "/api/friends/requests",
                        "/api/groups",
                        "/api/groups/*/invitations",
                        "/api/groups/*/join",
                        "/api/groups/*/sessions");
    }
}
