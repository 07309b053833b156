# syntax=docker/dockerfile:1
# One image recipe for every service: MODULE names it (command-side, query-side or notification-saga), PORT is
# where it listens (8081, 8082, 8083). Build from the repository root; docker compose passes both:
#   docker build --build-arg MODULE=command-side --build-arg PORT=8081 -t studybuddy/command-side .
# No secret is baked in: every setting comes from the environment at run time (README.md, Configuration).

ARG JDK_IMAGE=eclipse-temurin:17-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:17-jre-noble

# --- build: the Maven wrapper, the module and the modules it depends on --------------------------
FROM ${JDK_IMAGE} AS build
ARG MODULE
RUN test -n "$MODULE" || { echo "set --build-arg MODULE=command-side|query-side|notification-saga" >&2; exit 1; }
WORKDIR /src
# Maven reads every module's pom of the reactor, even with -pl: all of them first, then only the
# sources the services need, so a change to tests or tools does not rebuild the images.
# (deployment-tests checks that this list matches the root pom's modules.)
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY shared-api/pom.xml shared-api/
COPY platform/pom.xml platform/
COPY test-support/pom.xml test-support/
COPY mongo-standin/pom.xml mongo-standin/
COPY command-side/pom.xml command-side/
COPY query-side/pom.xml query-side/
COPY notification-saga/pom.xml notification-saga/
COPY system-tests/pom.xml system-tests/
COPY deployment-tests/pom.xml deployment-tests/
COPY shared-api/src/ shared-api/src/
COPY platform/src/ platform/src/
COPY test-support/src/ test-support/src/
COPY ${MODULE}/src/ ${MODULE}/src/
# -Dmdep.skip: the local run's mail catcher, which notification-saga's build copies beside its jar, has no place here.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q --no-transfer-progress -pl ${MODULE} -am package -Dmaven.test.skip=true -Dmdep.skip=true \
    && cp ${MODULE}/target/${MODULE}-*.jar /tmp/app.jar
# Spring Boot's layered jar, extracted: dependencies change least, the application most.
RUN java -Djarmode=tools -jar /tmp/app.jar extract --layers --launcher --destination /layers

# --- run: a JRE, a non-root user, the layers -----------------------------------------------------
FROM ${JRE_IMAGE}
ARG PORT
# keys: command-side's signing key; uploads: the local file store command-side writes and query-side serves.
RUN test -n "$PORT" || { echo "set --build-arg PORT=8081|8082|8083" >&2; exit 1; } \
    && apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 studybuddy \
    && useradd --system --uid 10001 --gid studybuddy --home-dir /app --shell /usr/sbin/nologin studybuddy \
    && mkdir -p /var/lib/studybuddy/keys /var/lib/studybuddy/uploads \
    && chown -R studybuddy:studybuddy /var/lib/studybuddy
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER studybuddy:studybuddy
ENV PORT=${PORT} \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
# Alive (not necessarily ready): what a restart policy should act on. Compose gates the services
# that depend on this one on /actuator/health/readiness instead.
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT}/actuator/health/liveness" || exit 1
# exec: java is PID 1 and gets SIGTERM from "docker stop" for a graceful shutdown.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "--"]
