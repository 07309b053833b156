package dev.studybuddy.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code studybuddy-platform.yml} as the lowest-precedence settings of every service: what all of
 * them share (stores, serializers, actuator, shutdown), which a service's own application.yml or the
 * environment may override.
 * <p>
 * It also turns {@code LOG_FORMAT} into Spring Boot's structured console logging: {@code text} (the
 * default) keeps the plain pattern, {@code json} means Elastic Common Schema, and {@code ecs},
 * {@code logstash} or {@code gelf} pick that format. Either way the request's {@code traceId} (MDC)
 * is on every line logged while serving it.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    private static final String DEFAULTS = "studybuddy-platform.yml";
    /** Axon 4.12 reports usage to AxonIQ at start; our services make no calls home unless told to. */
    private static final String AXON_UPDATE_CHECKER = "axoniq.update-checker.disabled";

    private static final String LOG_FORMAT = "LOG_FORMAT";
    private static final String STRUCTURED_CONSOLE_FORMAT = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(AXON_UPDATE_CHECKER) == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(AXON_UPDATE_CHECKER, "true");
        }
        try {
            new YamlPropertySourceLoader()
                    .load(DEFAULTS, new ClassPathResource(DEFAULTS))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String structured = structuredFormat(environment.getProperty(LOG_FORMAT));
        if (structured != null) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "studybuddy-log-format", Map.of(STRUCTURED_CONSOLE_FORMAT, structured)));
        }
    }

    /** Spring Boot's structured format for a LOG_FORMAT value, or null for plain text. */
    static String structuredFormat(String logFormat) {
        String format = logFormat == null ? "" : logFormat.trim().toLowerCase(Locale.ROOT);
        return switch (format) {
            case "", "text", "plain" -> null;
            case "json", "ecs" -> "ecs";
            case "logstash", "gelf" -> format;
            default ->
                throw new IllegalArgumentException(
                        "LOG_FORMAT must be text, json, ecs, logstash or gelf, not '" + logFormat + "'");
        };
    }
}
