package io.queryadvisor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EnvironmentDatabaseTest {

    @Test
    void takesUrlUserAndPasswordFromTheEnvironment() {
        var coordinates = EnvironmentDatabase.from(Map.of(
                "QUERYADVISOR_TEST_JDBC_URL", "jdbc:postgresql://db.example:6543/shop",
                "QUERYADVISOR_TEST_USER", "shopper",
                "QUERYADVISOR_TEST_PASSWORD", "s3cret"));

        assertThat(coordinates).hasValueSatisfying(c -> {
            assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/shop");
            assertThat(c.user()).isEqualTo("shopper");
            assertThat(c.password()).isEqualTo("s3cret");
            assertThat(c.origin()).contains("QUERYADVISOR_TEST_JDBC_URL");
        });
    }

    @Test
    void defaultsToUserPostgresWithAnEmptyPassword() {
        var coordinates = EnvironmentDatabase.from(Map.of(
                "QUERYADVISOR_TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/test",
                "QUERYADVISOR_TEST_PASSWORD", ""));

        assertThat(coordinates).hasValueSatisfying(c -> {
            assertThat(c.user()).isEqualTo("postgres");
            assertThat(c.password()).isEmpty();
        });
    }

    @Test
    void offersNothingWhenTheUrlIsUnsetOrBlank() {
        assertThat(EnvironmentDatabase.from(Map.of())).isEmpty();
        assertThat(EnvironmentDatabase.from(Map.of("QUERYADVISOR_TEST_JDBC_URL", " "))).isEmpty();
    }

    @Test
    void failsOnAUrlThatIsNotPostgres() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EnvironmentDatabase.from(Map.of("QUERYADVISOR_TEST_JDBC_URL", "jdbc:h2:mem:x")))
                .withMessageContaining("jdbc:h2:mem:x");
    }

    @Test
    void explainsHowToProvideADatabase() {
        assertThat(EnvironmentDatabase.howToProvide())
                .contains("QUERYADVISOR_TEST_JDBC_URL", "QUERYADVISOR_TEST_USER", "QUERYADVISOR_TEST_PASSWORD");
    }
}
