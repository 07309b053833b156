package dev.studybuddy.deployment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Each service's Dockerfile: built with the wrapper, run from extracted layers as a non-root user. */
class DockerfilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "query-side", "notification-saga"})
    void buildsWithTheWrapperOnAJdkAndRunsOnAJre(String service) {
        String dockerfile = Repository.read(service + "/Dockerfile");
        assertThat(dockerfile).contains("ARG JDK_IMAGE=eclipse-temurin:17-jdk", "ARG JRE_IMAGE=eclipse-temurin:17-jre",
                "FROM ${JDK_IMAGE} AS build", "FROM ${JRE_IMAGE}\n");
        assertThat(dockerfile).contains("./mvnw -B -q --no-transfer-progress -pl " + service + " -am package");
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "query-side", "notification-saga"})
    void runsTheSpringBootLayersAsANonRootUser(String service) {
        String dockerfile = Repository.read(service + "/Dockerfile");
        assertThat(dockerfile).contains("java -Djarmode=tools -jar /tmp/app.jar extract --layers --launcher");
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            assertThat(dockerfile).contains("COPY --from=build /layers/" + layer + "/ ./");
        }
        assertThat(dockerfile).contains("org.springframework.boot.loader.launch.JarLauncher");
        assertThat(dockerfile).containsPattern("(?m)^USER studybuddy:studybuddy$");
        assertThat(dockerfile).doesNotContainPattern("(?m)^USER (root|0)\\b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "query-side", "notification-saga"})
    void checksLivenessOnItsOwnPort(String service) {
        String dockerfile = Repository.read(service + "/Dockerfile");
        int port = Repository.defaultPort(service);
        assertThat(dockerfile).contains("ENV PORT=" + port, "EXPOSE " + port);
        assertThat(dockerfile).containsPattern("HEALTHCHECK [^\\n]*\\\\\\n\\s+CMD curl -fsS [^\\n]*/actuator/health/liveness");
        assertThat(dockerfile).contains("apt-get install -y --no-install-recommends curl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "query-side", "notification-saga"})
    void bakesInNoSecret(String service) {
        String dockerfile = Repository.read(service + "/Dockerfile");
        assertThat(dockerfile).doesNotContainPattern(
                Pattern.compile("(?im)^\\s*(ENV|ARG)\\b[^\\n]*(PASSWORD|SECRET|TOKEN|SIGNING_KEY)"));
        assertThat(dockerfile).doesNotContain("jwt-signing-key.json");
    }

    /** Maven reads every module's pom even with -pl: a module missing from the list breaks the image build. */
    @ParameterizedTest
    @ValueSource(strings = {"command-side", "query-side", "notification-saga"})
    void copiesThePomOfEveryModule(String service) {
        String dockerfile = Repository.read(service + "/Dockerfile");
        for (String module : Repository.modules()) {
            assertThat(dockerfile).as("%s/Dockerfile copies %s/pom.xml", service, module)
                    .contains("COPY " + module + "/pom.xml " + module + "/");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "query-side"})
    void preparesTheUploadsDirectoryForItsUser(String service) {
        assertThat(Repository.read(service + "/Dockerfile"))
                .contains("mkdir -p ").contains("/var/lib/studybuddy/uploads")
                .contains("chown -R studybuddy:studybuddy /var/lib/studybuddy");
    }

    @org.junit.jupiter.api.Test
    void theBuildContextLeavesOutWhatIsBuiltOrKeptLocally() {
        assertThat(Repository.read(".dockerignore")).contains("**/target/", "data/", ".git/", ".env");
    }
}
