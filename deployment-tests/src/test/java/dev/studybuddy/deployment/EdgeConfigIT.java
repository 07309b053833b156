package dev.studybuddy.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nginx -t on both ways the edge runs: bin/run's rendered configuration and compose's. */
class EdgeConfigIT {

    @TempDir
    Path dir;

    @Test
    void theLocalEdgeConfigurationIsValid() {
        Nginx nginx = Nginx.render(
                dir, 18080, "127.0.0.1:8081", "127.0.0.1:8083", "127.0.0.1:8082", "127.0.0.1:8092", "127.0.0.1:8102");
        Nginx.Result result = nginx.test();
        assertThat(result.status()).as("nginx -t:\n%s", result.output()).isZero();
        assertThat(result.output()).contains("test is successful");
    }

    @Test
    void theLocalEdgeListsEveryQueryNode() throws IOException {
        Nginx nginx = Nginx.render(dir, 18080, "127.0.0.1:8081", "127.0.0.1:8083", "127.0.0.1:8082", "127.0.0.1:8092");
        assertThat(Files.readString(nginx.conf()))
                .contains("server 127.0.0.1:8082 ", "server 127.0.0.1:8092 ", "listen 18080;")
                .contains("pid " + dir.toRealPath() + "/nginx.pid;")
                .doesNotContain("/var/log/nginx", "/var/lib/nginx", "/run/nginx");
    }

    /**
     * compose.conf as the nginx image reads it (conf.d inside its http block), with the service names
     * replaced by loopback addresses, since nothing resolves them here. Debian's nginx before 1.27.3
     * does not know the upstream parameter "resolve"; it is left out only then.
     */
    @Test
    void theComposeEdgeConfigurationIsValid() throws IOException {
        String deploy = Repository.path("deploy/nginx").toString();
        String compose = Repository.read("deploy/nginx/compose.conf")
                .replace("/etc/nginx/studybuddy", deploy)
                .replace("command-side:8081", "127.0.0.1:8081")
                .replace("query-side:8082", "127.0.0.1:8082")
                .replace("notification-saga:8083", "127.0.0.1:8083")
                .replace("access_log /dev/stdout", "access_log " + dir.resolve("logs/access.log"));
        if (!Nginx.atLeast(1, 27, 3)) {
            compose = compose.replace(" resolve;", ";");
        }
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(dir.resolve("compose.conf"), compose);
        Files.writeString(dir.resolve("nginx.conf"), """
                pid %1$s/nginx.pid;
                events {}
                http {
                    client_body_temp_path %1$s/tmp/client_body;
                    proxy_temp_path %1$s/tmp/proxy;
                    fastcgi_temp_path %1$s/tmp/fastcgi;
                    uwsgi_temp_path %1$s/tmp/uwsgi;
                    scgi_temp_path %1$s/tmp/scgi;
                    include %1$s/compose.conf;
                }
                """.formatted(dir));
        Nginx.Result result = Nginx.at(dir).test();
        assertThat(result.status()).as("nginx -t:\n%s", result.output()).isZero();
    }
}
