package dev.studybuddy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On the local PostgreSQL: test databases of checkouts that are gone do not pile up. */
class TestDatabaseIT {

    @Test
    void aFreshDatabaseRecordsItsCheckoutAndDropsThoseOfRemovedOrUnknownCheckouts() throws SQLException {
        try (Connection admin = DriverManager.getConnection(TestDatabase.SERVER + "postgres", TestDatabase.user(), "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS studybuddy_test_gone_checkout");
            statement.execute("CREATE DATABASE studybuddy_test_gone_checkout");
            statement.execute("COMMENT ON DATABASE studybuddy_test_gone_checkout IS '/no/such/checkout'");
            statement.execute("DROP DATABASE IF EXISTS studybuddy_test_unknown_checkout");
            statement.execute("CREATE DATABASE studybuddy_test_unknown_checkout");
            statement.execute("DROP DATABASE IF EXISTS studybuddy_test_living_checkout");
            statement.execute("CREATE DATABASE studybuddy_test_living_checkout");
            statement.execute("COMMENT ON DATABASE studybuddy_test_living_checkout IS '"
                    + System.getProperty("java.io.tmpdir") + "'");
            statement.execute("DROP DATABASE IF EXISTS not_a_studybuddy_test_database");
            statement.execute("CREATE DATABASE not_a_studybuddy_test_database");

            TestDatabase.fresh("studybuddy_test_support");

            assertThat(databases(statement))
                    .contains(
                            "studybuddy_test_support_" + TestDatabase.checkoutHash(),
                            "studybuddy_test_living_checkout",
                            "not_a_studybuddy_test_database")
                    .doesNotContain("studybuddy_test_gone_checkout", "studybuddy_test_unknown_checkout");
            statement.execute("DROP DATABASE studybuddy_test_living_checkout");
            statement.execute("DROP DATABASE not_a_studybuddy_test_database");
        }
    }

    private static List<String> databases(Statement statement) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
