package dev.studybuddy.query.projection;

import java.lang.management.ManagementFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name under which this node claims processor segments in the token stores. Axon's default (the
 * JVM's name) is unique per process; {@code studybuddy.node-id} sets it where one process runs several
 * nodes (the two-node tests, the benchmark).
 */
@Component
public class NodeIdentity {

    private final String id;

    NodeIdentity(@Value("${studybuddy.node-id:}") String configured) {
        this.id = configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configured;
    }

    public String id() {
        return id;
    }
}
