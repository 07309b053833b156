package dev.studybuddy.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Points a service under test at the real local PostgreSQL (a fresh database per service and run) and
 * at MongoDB: the server in {@code MONGODB_URI} when set, else the in-memory stand-in. A service that
 * does not issue tokens itself trusts {@link TestTokenIssuer}'s keys. {@code studybuddy.testing.checkout} names
 * the checkout (for broker names that two checkouts testing at once on one RabbitMQ must not share).
 */
public class TestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** 32 bytes in Base64, for tests only. */
    public static final String TEST_KEK = "c3R1ZHlidWRkeS10ZXN0LWtleS1lbmNyeXB0aW9uISE=";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String service =
                environment.getRequiredProperty("spring.application.name").replace('-', '_');
        String database = "studybuddy_test_" + service;
        String realMongo = System.getenv("MONGODB_URI");
        String mongoUri =
                realMongo == null || realMongo.isBlank() ? InMemoryMongo.connectionString(database) : realMongo;
        TestPropertyValues values = TestPropertyValues.of(
                "spring.datasource.url=" + TestDatabase.fresh(database),
                "spring.datasource.username=" + TestDatabase.user(),
                "spring.data.mongodb.uri=" + mongoUri,
                "spring.data.mongodb.database=" + database,
                "studybuddy.testing.checkout=" + TestDatabase.checkoutHash(),
                // a fixed key-encryption key; every service under test may create data keys, since tests append
                // events (with names and message bodies) straight to the store (docs/adr/0019)
                "studybuddy.personal-data.kek=" + TEST_KEK,
                "studybuddy.personal-data.creates-keys=true");
        if (!environment.getProperty("studybuddy.jwt.issues-tokens", Boolean.class, false)) {
            values = values.and(
                    "studybuddy.jwt.jwk-set-uri=" + TestTokenIssuer.get().jwkSetUri());
        }
        values.applyTo(environment);
    }
}
