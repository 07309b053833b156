package dev.studybuddy.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The one Dockerfile every service is built from (compose passes MODULE and PORT): built with the wrapper, run from
 * extracted layers as a non-root user.
 */
class DockerfilesTest {

    private final String dockerfile = Repository.read("Dockerfile");

    @Test
    void eachServiceHasNoDockerfileOfItsOwn() {
        for (String service : Repository.SERVICES) {
            assertThat(java.nio.file.Files.exists(Repository.path(service + "/Dockerfile")))
                    .as(service + "/Dockerfile")
                    .isFalse();
        }
    }

    @Test
    void buildsTheModuleItIsGivenWithTheWrapperOnAJdkAndRunsOnAJre() {
        assertThat(dockerfile)
                .contains(
                        "ARG JDK_IMAGE=eclipse-temurin:17-jdk",
                        "ARG JRE_IMAGE=eclipse-temurin:17-jre",
                        "FROM ${JDK_IMAGE} AS build",
                        "FROM ${JRE_IMAGE}\n");
        assertThat(dockerfile).containsPattern("(?m)^ARG MODULE$").contains("test -n \"$MODULE\"");
        assertThat(dockerfile)
                .contains(
                        "COPY ${MODULE}/src/ ${MODULE}/src/",
                        "./mvnw -B -q --no-transfer-progress -pl ${MODULE} -am package",
                        "cp ${MODULE}/target/${MODULE}-*.jar /tmp/app.jar");
    }

    @Test
    void runsTheSpringBootLayersAsANonRootUser() {
        assertThat(dockerfile).contains("java -Djarmode=tools -jar /tmp/app.jar extract --layers --launcher");
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            assertThat(dockerfile).contains("COPY --from=build /layers/" + layer + "/ ./");
        }
        assertThat(dockerfile).contains("org.springframework.boot.loader.launch.JarLauncher");
        assertThat(dockerfile).containsPattern("(?m)^USER studybuddy:studybuddy$");
        assertThat(dockerfile).doesNotContainPattern("(?m)^USER (root|0)\\b");
    }

    @Test
    void checksLivenessOnThePortItIsGiven() {
        assertThat(dockerfile)
                .containsPattern("(?m)^ARG PORT$")
                .contains("test -n \"$PORT\"", "ENV PORT=${PORT}", "EXPOSE ${PORT}");
        assertThat(dockerfile)
                .containsPattern("HEALTHCHECK [^\\n]*\\\\\\n\\s+CMD curl -fsS [^\\n]*/actuator/health/liveness");
        assertThat(dockerfile).contains("apt-get install -y --no-install-recommends curl");
    }

    @Test
    void bakesInNoSecret() {
        assertThat(dockerfile)
                .doesNotContainPattern(
                        Pattern.compile("(?im)^\\s*(ENV|ARG)\\b[^\\n]*(PASSWORD|SECRET|TOKEN|SIGNING_KEY)"));
        assertThat(dockerfile).doesNotContain("jwt-signing-key.json");
    }

    /** Maven reads every module's pom even with -pl: a module missing from the list breaks the image build. */
    @Test
    void copiesThePomOfEveryModule() {
        for (String module : Repository.modules()) {
            assertThat(dockerfile)
                    .as("the Dockerfile copies %s/pom.xml", module)
                    .contains("COPY " + module + "/pom.xml " + module + "/");
        }
    }

    @Test
    void preparesTheKeysAndUploadsDirectoriesForItsUser() {
        assertThat(dockerfile)
                .contains("mkdir -p /var/lib/studybuddy/keys /var/lib/studybuddy/uploads")
                .contains("chown -R studybuddy:studybuddy /var/lib/studybuddy");
    }

    @Test
    void theBuildContextLeavesOutWhatIsBuiltOrKeptLocally() {
        assertThat(Repository.read(".dockerignore")).contains("**/target/", "data/", ".git/", ".env");
    }
}
