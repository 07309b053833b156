package dev.studybuddy.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * A PostgreSQL database of its own for each test JVM's service, dropped and created anew on first use,
 * so every run starts from empty tables on the real local server. Its name also carries a short hash of
 * the checkout the tests run in, so that two checkouts testing at once never drop each other's database.
 */
public final class TestDatabase {

    public static final String SERVER =
            System.getenv().getOrDefault("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres");
    private static final Set<String> CREATED = new HashSet<>();

    private TestDatabase() {}

    /** The JDBC URL of a fresh database for {@code service} in this checkout. */
    public static synchronized String fresh(String service) {
        if (!service.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("unsafe database name: " + service);
        }
        String name = service + "_" + checkoutHash();
        if (CREATED.add(name)) {
            try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "Cannot prepare test database " + name + " on " + SERVER
                                + " (is PostgreSQL running? see README)",
                        e);
            }
        }
        return SERVER + name;
    }

    /** A short hash of the checkout the tests run in, to name what two checkouts testing at once must not share. */
    public static String checkoutHash() {
        String checkout = Path.of(System.getProperty("user.dir"))
                .toAbsolutePath()
                .normalize()
                .toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(checkout.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String user() {
        return USER;
    }
}
