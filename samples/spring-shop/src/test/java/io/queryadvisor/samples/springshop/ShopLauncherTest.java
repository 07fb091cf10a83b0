package io.queryadvisor.samples.springshop;

import io.queryadvisor.samples.springshop.traffic.StopSignal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The shop from its command line to its exit status. */
@Timeout(120)
class ShopLauncherTest {

    private static final String SCHEMA = "spring_shop_test_app";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterAll
    static void dropSchema() throws SQLException {
        var db = TestDatabase.server();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void runsTheRequestedIterationsAgainstItsOwnEndpointsAndExitsZero() throws Exception {
        List<String> args = new ArrayList<>(TestDatabase.connectionOptions());
        args.addAll(List.of("--iterations", "2", "--port", "0", "--schema", SCHEMA));

        int status = launch(args.toArray(String[]::new));

        assertThat(status).as(text(err)).isZero();
        assertThat(text(out))
                .containsPattern("listening on http://localhost:\\d+/ \\(schema " + SCHEMA + "\\)")
                .contains("traffic 2 iterations on 2 threads, 20 calls per iteration")
                .contains("done: 2 iterations, 0 errors")
                .endsWith("[spring-shop] stopped" + System.lineSeparator());
    }

    @Test
    void exitsOneWhenTheDatabaseCannotBeReached() throws Exception {
        int status = launch("--jdbc-url", "jdbc:postgresql://127.0.0.1:1/nowhere", "--iterations", "1", "--port", "0");

        assertThat(status).isEqualTo(1);
        assertThat(text(err)).contains("[spring-shop] cannot start (database jdbc:postgresql://127.0.0.1:1/nowhere, HTTP port 0): ");
    }

    @Test
    void exitsTwoWithTheUsageOnABadCommandLine() throws Exception {
        Process process = java("--threads", "many");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(stderr).isEqualTo(2);
        assertThat(stderr).startsWith("error: --threads: 'many' is not a whole number").contains("usage: java");
    }

    @Test
    void printsTheUsageAndExitsZeroOnHelp() throws Exception {
        Process process = java("--help");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("--iterations N");
    }

    private int launch(String... args) throws Exception {
        return new ShopLauncher(ShopOptions.parse(args), new StopSignal(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run();
    }

    /** SpringShopApplication.main in a JVM of its own, as `java -jar` runs it: it calls System.exit. */
    private static Process java(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SpringShopApplication.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
