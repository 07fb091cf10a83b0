package io.queryadvisor.samples.shop;

import io.queryadvisor.samples.shop.ShopOptions.InvalidOptionException;
import io.queryadvisor.samples.shop.traffic.TrafficLimit;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopOptionsTest {

    @Test
    void defaultsToAnEmbeddedDatabaseAndTrafficUntilStopped() throws Exception {
        ShopOptions options = ShopOptions.parse();

        assertThat(options.usesEmbeddedDatabase()).isTrue();
        assertThat(options.limit()).isEqualTo(TrafficLimit.untilStopped());
        assertThat(options.threads()).isEqualTo(2);
        assertThat(options.linger()).isEqualTo(Duration.ZERO);
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.scale()).isEqualTo(1);
        assertThat(options.schema()).isEqualTo("shop");
        assertThat(options.help()).isFalse();
    }

    @Test
    void parsesEveryOption() throws Exception {
        ShopOptions options = ShopOptions.parse("--jdbc-url", "jdbc:postgresql://db/shop", "--user", "u", "--password", "p",
                "--iterations", "50", "--threads", "4", "--linger", "30s", "--seed", "-7", "--scale", "3", "--schema", "shop_2");

        assertThat(options).isEqualTo(new ShopOptions("jdbc:postgresql://db/shop", "u", "p", TrafficLimit.ofIterations(50), 4,
                Duration.ofSeconds(30), -7, 3, "shop_2", false));
        assertThat(options.usesEmbeddedDatabase()).isFalse();
    }

    @Test
    void acceptsNameEqualsValue() throws Exception {
        ShopOptions options = ShopOptions.parse("--duration=2m", "--threads=8");

        assertThat(options.limit()).isEqualTo(TrafficLimit.ofDuration(Duration.ofMinutes(2)));
        assertThat(options.threads()).isEqualTo(8);
    }

    @Test
    void readsDurationsInMillisecondsSecondsMinutesAndHours() throws Exception {
        assertThat(ShopOptions.parse("--duration", "500ms").limit().duration()).isEqualTo(Duration.ofMillis(500));
        assertThat(ShopOptions.parse("--duration", "60s").limit().duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ShopOptions.parse("--duration", "60").limit().duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ShopOptions.parse("--duration", "5m").limit().duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(ShopOptions.parse("--duration", "1h").limit().duration()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void recognisesHelp() throws Exception {
        assertThat(ShopOptions.parse("--help").help()).isTrue();
        assertThat(ShopOptions.USAGE).contains("--jdbc-url", "--iterations", "--duration", "--linger", "--schema");
    }

    @Test
    void rejectsIterationsTogetherWithDuration() {
        assertInvalid("--iterations and --duration are exclusive", "--iterations", "5", "--duration", "10s");
    }

    @Test
    void rejectsUnknownOptionsAndStrayArguments() {
        assertInvalid("unknown option --thread", "--thread", "2");
        assertInvalid("unexpected argument 'fast'", "fast");
    }

    @Test
    void rejectsAMissingValue() {
        assertInvalid("--threads needs a value", "--threads");
    }

    @Test
    void rejectsAnOptionGivenTwice() {
        assertInvalid("--seed is given twice", "--seed", "1", "--seed", "2");
    }

    @Test
    void rejectsNumbersOutOfRangeOrMalformed() {
        assertInvalid("--threads must be between 1 and 256, not 0", "--threads", "0");
        assertInvalid("--scale must be between 1 and 100, not 101", "--scale", "101");
        assertInvalid("--iterations must be between 1", "--iterations", "0");
        assertInvalid("--seed: 'abc' is not a whole number", "--seed", "abc");
    }

    @Test
    void rejectsMalformedOrZeroDurations() {
        assertInvalid("--duration: '5 minutes' is not a duration", "--duration", "5 minutes");
        assertInvalid("--duration must be longer than 0", "--duration", "0s");
        assertInvalid("--linger: '-1s' is not a duration", "--linger", "-1s");
    }

    @Test
    void allowsNoLinger() throws Exception {
        assertThat(ShopOptions.parse("--linger", "0").linger()).isEqualTo(Duration.ZERO);
    }

    @Test
    void rejectsCredentialsWithoutAJdbcUrl() {
        assertInvalid("--user and --password need --jdbc-url", "--user", "postgres");
    }

    @Test
    void refusesToDropSchemasThatAreNotTheSamplesOwn() {
        assertInvalid("schema 'public' is dropped and recreated at start", "--schema", "public");
        assertInvalid("schema 'pg_catalog' is dropped", "--schema", "pg_catalog");
        assertInvalid("must be a lower-case identifier", "--schema", "Shop; DROP TABLE x");
    }

    private static void assertInvalid(String message, String... args) {
        assertThatThrownBy(() -> ShopOptions.parse(args))
                .isInstanceOf(InvalidOptionException.class)
                .hasMessageContaining(message);
    }
}
