package dev.studybuddy.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Problem responses (503 while the database is unreachable) and per-request trace ids for every service. */
@AutoConfiguration
@Import({ApiExceptionHandler.class, StrictBooleanParameters.class})
public class WebConfiguration {

    /**
     * A boolean is {@code true} or {@code false} and a number is a JSON number: Jackson also reads {@code 1},
     * {@code 0}, {@code "true"} and {@code "false"} as booleans and {@code "60"} as a number, so {@code {"enabled": 1}}
     * was taken although the contract refuses a non-boolean. What this application serializes always writes JSON
     * booleans and numbers, so its events and tokens read as before.
     */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer scalarsOnlyOfTheirOwnType() {
        return builder -> builder.postConfigurer(mapper -> {
            mapper.coercionConfigFor(LogicalType.Boolean)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        });
    }

    /** Refuses an {@code Accept} a change could not be answered in before the change ({@link AcceptableBeforeEffect}). */
    @Bean
    public WebMvcConfigurer acceptableBeforeEffect() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AcceptableBeforeEffect());
            }
        };
    }

    @Bean
    public ProblemWriter problemWriter(ObjectMapper objectMapper) {
        return new ProblemWriter(objectMapper);
    }

    /** Runs before the security filters, so that even a refused request is traceable. */
    @Bean
    public FilterRegistrationBean<TraceIdFilter> traceIdFilter() {
        FilterRegistrationBean<TraceIdFilter> registration = new FilterRegistrationBean<>(new TraceIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    public ServiceUnavailable serviceUnavailable(
            @Value("${studybuddy.web.unavailable-retry-after:5s}") Duration retryAfter) {
        return new ServiceUnavailable(retryAfter);
    }

    /** Right after the trace id, so that it wraps the security filters (whose token checks may need the database). */
    @Bean
    public FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(
            ProblemWriter problemWriter, ServiceUnavailable serviceUnavailable) {
        FilterRegistrationBean<DatabaseOutageFilter> registration =
                new FilterRegistrationBean<>(new DatabaseOutageFilter(problemWriter, serviceUnavailable));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<NulInParametersFilter> nulInParametersFilter(ProblemWriter problemWriter) {
        FilterRegistrationBean<NulInParametersFilter> registration =
                new FilterRegistrationBean<>(new NulInParametersFilter(problemWriter));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
