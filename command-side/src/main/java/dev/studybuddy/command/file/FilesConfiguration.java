package dev.studybuddy.command.file;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({UploadLimits.class, UploadRateLimits.class, BlobCollection.class})
class FilesConfiguration {}
