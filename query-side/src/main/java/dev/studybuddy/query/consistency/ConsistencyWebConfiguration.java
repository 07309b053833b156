package dev.studybuddy.query.consistency;

import dev.studybuddy.platform.consistency.ConsistencyTokens;
import dev.studybuddy.query.projection.ReplayCoordinator;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class ConsistencyWebConfiguration implements WebMvcConfigurer {

    private final ConsistencyWait wait;
    private final ConsistencyTokens tokens;
    private final ReplayCoordinator replays;

    ConsistencyWebConfiguration(ConsistencyWait wait, ConsistencyTokens tokens, ReplayCoordinator replays) {
        this.wait = wait;
        this.tokens = tokens;
        this.replays = replays;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ConsistencyTokenInterceptor(wait, tokens));
        // after the wait: a projection being rebuilt answers "rebuilding" rather than "stale"
        registry.addInterceptor(new RebuildingInterceptor(replays));
    }
}
