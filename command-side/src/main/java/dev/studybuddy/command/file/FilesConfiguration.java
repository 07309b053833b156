package dev.studybuddy.command.file;

import dev.studybuddy.platform.scheduling.PeriodicTask;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({UploadLimits.class, UploadRateLimits.class, BlobCollection.class})
class FilesConfiguration {

    @Bean
    PeriodicTask blobCollection(BlobGarbageCollector collector, BlobCollection settings) {
        return PeriodicTask.every(settings.interval(), "blob-collector", collector::collectRegularly);
    }
}
