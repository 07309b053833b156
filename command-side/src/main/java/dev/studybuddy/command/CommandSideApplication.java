package dev.studybuddy.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Aggregates, the REST command API and identity. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandSideApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(CommandSideApplication.class, args);
        } catch (RuntimeException failedStart) {
            // Spring Boot has logged why; exit, or a non-daemon thread a half-started framework left behind (Axon's
            // janitor) keeps the JVM up, and bin/run or an orchestrator would never see the service die
            System.exit(1);
        }
    }
}
