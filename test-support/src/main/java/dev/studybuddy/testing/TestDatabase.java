package dev.studybuddy.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
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
                statement.execute(
                        "COMMENT ON DATABASE " + name + " IS '" + checkout().replace("'", "''") + "'");
                dropThoseOfRemovedCheckouts(admin);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "Cannot prepare test database " + name + " on " + SERVER
                                + " (is PostgreSQL running? see README)",
                        e);
            }
        }
        return SERVER + name;
    }

    /**
     * Drops the test databases whose checkout is gone (every CI run clones anew) or unknown (made before the
     * checkout was recorded), unless one is in use. A checkout that still exists keeps its database for
     * inspection until its next run replaces it.
     */
    private static void dropThoseOfRemovedCheckouts(Connection admin) throws SQLException {
        List<String> orphans = new ArrayList<>();
        try (Statement statement = admin.createStatement();
                ResultSet databases = statement.executeQuery("SELECT datname, shobj_description(oid, 'pg_database')"
                        + " FROM pg_database WHERE datname LIKE 'studybuddy!_test!_%' ESCAPE '!'")) {
            while (databases.next()) {
                String checkout = databases.getString(2);
                if (checkout == null || !Files.isDirectory(Path.of(checkout))) {
                    orphans.add(databases.getString(1));
                }
            }
        }
        for (String orphan : orphans) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS \"" + orphan.replace("\"", "\"\"") + "\"");
            } catch (SQLException inUse) {
                // a run of another checkout: left for its own next run
            }
        }
    }

    /** A short hash of the checkout the tests run in, to name what two checkouts testing at once must not share. */
    public static String checkoutHash() {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(checkout().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String checkout() {
        return Path.of(System.getProperty("user.dir"))
                .toAbsolutePath()
                .normalize()
                .toString();
    }

    public static String user() {
        return USER;
    }
}
