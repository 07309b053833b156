package dev.studybuddy.query.consistency;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class ConsistencyWebConfiguration implements WebMvcConfigurer {

    private final ConsistencyWait wait;

    ConsistencyWebConfiguration(ConsistencyWait wait) {
        this.wait = wait;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ConsistencyTokenInterceptor(wait));
    }
}
