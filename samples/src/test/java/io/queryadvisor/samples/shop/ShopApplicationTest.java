package io.queryadvisor.samples.shop;

import io.queryadvisor.samples.shop.traffic.StopSignal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
class ShopApplicationTest {

    private static final String SCHEMA = "shop_test_app";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterAll
    static void dropSchema() throws SQLException {
        TestDatabase.dropSchema(SCHEMA);
    }

    @Test
    void runsTheRequestedIterationsAgainstAGivenDatabase() throws Exception {
        List<String> args = new ArrayList<>(TestDatabase.connectionOptions());
        args.addAll(List.of("--iterations", "3", "--schema", SCHEMA));

        int status = run(args.toArray(String[]::new));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("schema " + SCHEMA + ": 20000 customers, 2000 products, 60000 orders, 180000 order lines generated in")
                .contains("done: 3 iterations, 0 errors");
    }

    @Test
    void runsOnAnEmbeddedPostgresByDefault() throws Exception {
        int status = run("--iterations", "2");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("embedded PostgreSQL at jdbc:postgresql://localhost:")
                .contains("done: 2 iterations, 0 errors");
    }

    @Test
    void failsWithStatusOneWhenTheDatabaseCannotBeReached() throws Exception {
        int status = run("--jdbc-url", "jdbc:postgresql://127.0.0.1:1/nowhere", "--iterations", "1");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere");
    }

    private int run(String... args) throws Exception {
        ShopOptions options = ShopOptions.parse(args);
        return new ShopApplication(options, new StopSignal(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run();
    }
}
