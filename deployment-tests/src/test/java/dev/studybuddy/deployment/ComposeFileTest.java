package dev.studybuddy.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml, read as compose reads it (YAML with merge keys), since no Docker engine runs here:
 * health checks, start order on healthy dependencies, ports, volumes, nodes, and no secret in the file.
 */
class ComposeFileTest {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?([-?])([^}]*))?}");
    /** A Spring placeholder of an environment variable: ${NAME} or ${NAME:default}. */
    private static final Pattern SPRING_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|PASS|SECRET|TOKEN|PRIVATE_KEY|API_KEY).*");

    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        compose = new Yaml(new SafeConstructor(options)).load(Repository.read("docker-compose.yml"));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void hasTheStoresTheServicesAndTheEdge() {
        assertThat(services)
                .containsOnlyKeys(
                        "mongo",
                        "postgres",
                        "redis",
                        "rabbitmq",
                        "command-side",
                        "query-side",
                        "notification-saga",
                        "edge",
                        "mail");
    }

    @Test
    void theMailCatcherIsOptionalAndNotificationSagaSendsToItUnlessToldOtherwise() {
        assertThat(strings(services.get("mail").get("profiles"))).containsExactly("mail");
        assertThat(String.valueOf(services.get("mail").get("image"))).contains("greenmail/standalone");
        assertThat(String.valueOf(env("notification-saga").get("MAIL_HOST"))).isEqualTo("${MAIL_HOST:-mail}");
        assertThat(String.valueOf(env("notification-saga").get("MAIL_PORT"))).isEqualTo("${MAIL_PORT:-3025}");
        assertThat(map(services.get("notification-saga").get("depends_on"))).doesNotContainKey("mail");
    }

    @Test
    void everyServiceHasAHealthcheck() {
        services.forEach((name, service) -> {
            Map<String, Object> healthcheck = map(service.get("healthcheck"));
            assertThat(healthcheck).as("healthcheck of %s", name).isNotNull().containsKey("test");
            assertThat(healthcheck.get("test"))
                    .as("healthcheck of %s", name)
                    .asString()
                    .isNotBlank();
        });
    }

    @Test
    void theApplicationServicesAskTheirOwnReadiness() {
        for (String name : Repository.SERVICES) {
            assertThat(String.valueOf(map(services.get(name).get("healthcheck")).get("test")))
                    .as(name)
                    .contains("/actuator/health/readiness");
        }
        assertThat(String.valueOf(map(services.get("edge").get("healthcheck")).get("test")))
                .contains("/healthz");
    }

    @Test
    void servicesStartOnlyOnceWhatTheyNeedIsHealthy() {
        assertDependsOnHealthy("command-side", "mongo", "postgres", "rabbitmq");
        assertDependsOnHealthy("query-side", "mongo", "postgres", "redis", "command-side");
        assertDependsOnHealthy("notification-saga", "mongo", "postgres", "rabbitmq", "redis", "command-side");
        assertDependsOnHealthy("edge", "command-side", "query-side", "notification-saga");
    }

    @Test
    void mongoIsASingleNodeReplicaSetThatComposeInitiates() {
        Map<String, Object> mongo = services.get("mongo");
        assertThat(String.join(" ", strings(mongo.get("command")))).contains("--replSet rs0");
        assertThat(String.valueOf(map(mongo.get("healthcheck")).get("test")))
                .contains("mongosh")
                .contains("rs.initiate")
                .contains("isWritablePrimary");
        assertThat(String.valueOf(env("command-side").get("MONGODB_URI"))).contains("replicaSet=rs0");
    }

    @Test
    void onlyTheEdgeRabbitMqManagementAndTheMailCatcherArePublished() {
        services.forEach((name, service) -> {
            List<String> ports = strings(service.get("ports"));
            switch (name) {
                case "edge" -> assertThat(ports).containsExactly("${EDGE_BIND:-0.0.0.0}:${EDGE_PORT:-8080}:8080");
                case "rabbitmq" ->
                    assertThat(ports)
                            .containsExactly(
                                    "${RABBITMQ_MANAGEMENT_BIND:-127.0.0.1}:${RABBITMQ_MANAGEMENT_PORT:-15672}:15672");
                case "mail" ->
                    assertThat(ports).containsExactly("${LOCAL_MAIL_BIND:-127.0.0.1}:${LOCAL_MAIL_PORT:-8025}:8080");
                default -> assertThat(ports).as("published ports of %s", name).isEmpty();
            }
        });
        for (String name : Repository.SERVICES) {
            assertThat(strings(services.get(name).get("expose")))
                    .containsExactly(String.valueOf(Repository.defaultPort(name)));
        }
        assertThat(String.valueOf(services.get("rabbitmq").get("image"))).contains("management");
    }

    @Test
    void dataAndUploadsLiveInNamedVolumes() {
        assertThat(map(compose.get("volumes")))
                .containsKeys("mongo-data", "postgres-data", "rabbitmq-data", "uploads", "command-keys");
        assertThat(strings(services.get("mongo").get("volumes"))).contains("mongo-data:/data/db");
        assertThat(strings(services.get("postgres").get("volumes"))).contains("postgres-data:/var/lib/postgresql/data");
        assertThat(strings(services.get("rabbitmq").get("volumes"))).contains("rabbitmq-data:/var/lib/rabbitmq");
        assertThat(strings(services.get("command-side").get("volumes")))
                .contains("uploads:/var/lib/studybuddy/uploads", "command-keys:/var/lib/studybuddy/keys");
        assertThat(strings(services.get("query-side").get("volumes"))).contains("uploads:/var/lib/studybuddy/uploads");
        assertThat(String.valueOf(env("command-side").get("JWT_SIGNING_KEY_FILE")))
                .startsWith("/var/lib/studybuddy/keys/");
    }

    @Test
    void queryRunsOnTwoNodesByDefault() {
        Object replicas = map(services.get("query-side").get("deploy")).get("replicas");
        assertThat(defaultOf(String.valueOf(replicas))).isEqualTo("2");
        assertThat(services.get("query-side")).doesNotContainKey("container_name");
        assertThat(services.get("notification-saga")).doesNotContainKey("container_name");
    }

    @Test
    void theServicesBuildFromTheOneDockerfileWithTheirModuleAndPort() {
        for (String name : Repository.SERVICES) {
            Map<String, Object> build = map(services.get(name).get("build"));
            assertThat(build.get("context")).isEqualTo(".");
            assertThat(build).doesNotContainKey("dockerfile");
            Map<String, Object> args = map(build.get("args"));
            assertThat(args.get("MODULE")).isEqualTo(name);
            assertThat(String.valueOf(args.get("PORT"))).isEqualTo(String.valueOf(Repository.defaultPort(name)));
        }
    }

    @Test
    void theEdgeUsesTheSharedRoutes() {
        List<String> volumes = strings(services.get("edge").get("volumes"));
        assertThat(volumes)
                .contains(
                        "./deploy/nginx/compose.conf:/etc/nginx/conf.d/default.conf:ro",
                        "./deploy/nginx:/etc/nginx/studybuddy:ro");
    }

    @Test
    void noSecretIsWrittenIntoTheFile() {
        services.forEach((name, service) -> env(name).forEach((key, value) -> {
            if (!SECRET_NAME.matcher(key).matches() || key.endsWith("_FILE")) {
                return;
            }
            String text = String.valueOf(value);
            Matcher matcher = INTERPOLATION.matcher(text);
            assertThat(matcher.matches())
                    .as("%s.%s must come from the environment, not be written here: %s", name, key, text)
                    .isTrue();
            boolean required = "?".equals(matcher.group(2));
            boolean emptyDefault =
                    "-".equals(matcher.group(2)) && matcher.group(3).isEmpty();
            assertThat(required || emptyDefault || matcher.group(2) == null)
                    .as("%s.%s must have no default value: %s", name, key, text)
                    .isTrue();
        }));
        assertThat(Repository.read("docker-compose.yml")).doesNotContainIgnoringCase("guest");
    }

    @Test
    void theDatabaseAndBrokerSecretsAreRequired() {
        assertThat(String.valueOf(env("postgres").get("POSTGRES_PASSWORD"))).startsWith("${POSTGRES_PASSWORD:?");
        assertThat(String.valueOf(env("rabbitmq").get("RABBITMQ_DEFAULT_PASS"))).startsWith("${RABBITMQ_PASSWORD:?");
        assertThat(String.valueOf(env("notification-saga").get("RABBITMQ_PASSWORD")))
                .startsWith("${RABBITMQ_PASSWORD:?");
        assertThat(String.valueOf(env("command-side").get("RABBITMQ_PASSWORD"))).startsWith("${RABBITMQ_PASSWORD:?");
    }

    /** Each variable a service is given is one that service reads (a misspelt name is silently ignored). */
    @Test
    void theServicesAreGivenVariablesTheyRead() {
        String platform = Repository.read("platform/src/main/resources/studybuddy-platform.yml");
        // Read outside the yml files: LOG_FORMAT by platform's PlatformDefaults, JAVA_OPTS by the image's entrypoint.
        Set<String> readElsewhere = Set.of("LOG_FORMAT", "JAVA_OPTS");
        assertThat(Repository.read("platform/src/main/java/dev/studybuddy/platform/config/PlatformDefaults.java"))
                .contains("\"LOG_FORMAT\"");
        for (String name : Repository.SERVICES) {
            String own = Repository.read(name + "/src/main/resources/application.yml");
            Set<String> read = new HashSet<>(readElsewhere);
            Matcher matcher = SPRING_PLACEHOLDER.matcher(platform + own);
            while (matcher.find()) {
                read.add(matcher.group(1));
            }
            assertThat(read)
                    .as("variables %s reads", name)
                    .containsAll(env(name).keySet());
        }
    }

    @Test
    void theExampleEnvironmentFileHoldsNoSecret() {
        for (String line : Repository.read(".env.example").split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] pair = trimmed.split("=", 2);
            if (SECRET_NAME.matcher(pair[0]).matches()) {
                assertThat(pair[1]).as(".env.example gives %s a value", pair[0]).isEmpty();
            }
        }
        assertThat(Repository.read(".gitignore")).contains("/.env");
    }

    private static void assertDependsOnHealthy(String service, String... needs) {
        Map<String, Object> dependsOn = map(services.get(service).get("depends_on"));
        assertThat(dependsOn).as("depends_on of %s", service).containsOnlyKeys(needs);
        dependsOn.forEach((dependency, condition) -> assertThat(map(condition).get("condition"))
                .as("%s waits for %s", service, dependency)
                .isEqualTo("service_healthy"));
    }

    private static Map<String, Object> env(String service) {
        Map<String, Object> environment = map(services.get(service).get("environment"));
        return environment == null ? Map.of() : environment;
    }

    private static String defaultOf(String interpolated) {
        Matcher matcher = INTERPOLATION.matcher(interpolated);
        return matcher.matches() ? matcher.group(3) : interpolated;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null
                ? List.of()
                : ((List<Object>) value).stream().map(String::valueOf).toList();
    }
}
