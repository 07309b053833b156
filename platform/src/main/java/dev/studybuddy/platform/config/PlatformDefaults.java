package dev.studybuddy.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code studybuddy-platform.yml} as the lowest-precedence settings of every service: what all of
 * them share (stores, serializers, actuator, shutdown), which a service's own application.yml or the
 * environment may override.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    private static final String DEFAULTS = "studybuddy-platform.yml";
    /** Axon 4.12 reports usage to AxonIQ at start; our services make no calls home unless told to. */
    private static final String AXON_UPDATE_CHECKER = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(AXON_UPDATE_CHECKER) == null && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(AXON_UPDATE_CHECKER, "true");
        }
        try {
            new YamlPropertySourceLoader().load(DEFAULTS, new ClassPathResource(DEFAULTS))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
