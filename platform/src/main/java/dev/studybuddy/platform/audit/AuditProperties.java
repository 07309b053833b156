package dev.studybuddy.platform.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param batchSize event documents fetched per round trip when a stream or an export is read
 */
@ConfigurationProperties("studybuddy.audit")
public record AuditProperties(@DefaultValue("500") int batchSize) {}
