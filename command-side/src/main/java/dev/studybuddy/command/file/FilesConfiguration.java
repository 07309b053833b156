package dev.studybuddy.command.file;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({UploadLimits.class, BlobCollection.class})
class FilesConfiguration {
}
