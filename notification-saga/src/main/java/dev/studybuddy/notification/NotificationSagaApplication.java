package dev.studybuddy.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationSagaApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationSagaApplication.class, args);
    }
}
