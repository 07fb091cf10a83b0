package io.queryadvisor.samples.springshop;

import io.queryadvisor.samples.springshop.ShopOptions.InvalidOptionException;
import io.queryadvisor.samples.springshop.traffic.TrafficLimit;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopOptionsTest {

    @Test
    void defaultsToAnEmbeddedDatabaseOnPort8080UntilStopped() throws Exception {
        ShopOptions options = ShopOptions.parse();

        assertThat(options.usesEmbeddedDatabase()).isTrue();
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.limit()).isEqualTo(TrafficLimit.untilStopped());
        assertThat(options.threads()).isEqualTo(2);
        assertThat(options.linger()).isZero();
        assertThat(options.schema()).isEqualTo("spring_shop");
    }

    @Test
    void readsEveryOptionInBothForms() throws Exception {
        ShopOptions options = ShopOptions.parse("--jdbc-url", "jdbc:postgresql://db/shop", "--user=app", "--password", "secret",
                "--port", "0", "--duration=90s", "--threads", "4", "--linger", "2m", "--seed", "-3", "--schema", "my_shop");

        assertThat(options).isEqualTo(new ShopOptions("jdbc:postgresql://db/shop", "app", "secret", 0,
                TrafficLimit.ofDuration(Duration.ofSeconds(90)), 4, Duration.ofMinutes(2), -3, "my_shop", false));
    }

    @Test
    void countsIterationsWhenAsked() throws Exception {
        assertThat(ShopOptions.parse("--iterations", "20").limit()).isEqualTo(TrafficLimit.ofIterations(20));
    }

    @Test
    void rejectsAnUnknownOption() {
        assertRejected("unknown option --bogus", "--bogus", "1");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertRejected("--port must be between 0 and 65535, not 70000", "--port", "70000");
    }

    @Test
    void rejectsIterationsWithDuration() {
        assertRejected("--iterations and --duration are exclusive", "--iterations", "5", "--duration", "5s");
    }

    @Test
    void rejectsCredentialsWithoutAJdbcUrl() {
        assertRejected("--user and --password need --jdbc-url", "--user", "postgres");
    }

    @Test
    void refusesToDropASchemaThatIsNotTheShops() {
        assertRejected("--schema: schema 'public' is dropped and recreated at start", "--schema", "public");
    }

    @Test
    void rejectsAZeroDurationButAcceptsAZeroLinger() throws Exception {
        assertRejected("--duration must be longer than 0", "--duration", "0s");
        assertThat(ShopOptions.parse("--linger", "0").linger()).isZero();
    }

    @Test
    void rejectsAMissingValue() {
        assertRejected("--threads needs a value", "--threads");
    }

    private static void assertRejected(String message, String... args) {
        assertThatThrownBy(() -> ShopOptions.parse(args)).isInstanceOf(InvalidOptionException.class).hasMessageStartingWith(message);
    }
}
