package dev.studybuddy.command.chat;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link ChatWriteThrottle} before every chat write of group and direct conversations (not read positions). */
@Configuration
class ChatWriteThrottleConfiguration implements WebMvcConfigurer {

    private final ChatWriteLimits limits;

    ChatWriteThrottleConfiguration(ChatWriteLimits limits) {
        this.limits = limits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ChatWriteThrottle(limits))
                .addPathPatterns(
                        "/api/groups/*/messages", "/api/groups/*/messages/**",
                        "/api/direct/*/messages", "/api/direct/*/messages/**");
    }
}
