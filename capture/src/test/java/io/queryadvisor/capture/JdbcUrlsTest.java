package io.queryadvisor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void masksPasswordParameters() {
        assertThat(JdbcUrls.withoutSecrets("jdbc:postgresql://db:5432/shop?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/shop?user=app&password=***&ssl=true");
    }

    @Test
    void masksCredentialsInTheAuthority() {
        assertThat(JdbcUrls.withoutSecrets("jdbc:mysql://app:s3cret@db:3306/shop"))
                .isEqualTo("jdbc:mysql://app:***@db:3306/shop");
    }

    @Test
    void leavesUrlsWithoutSecretsAlone() {
        assertThat(JdbcUrls.withoutSecrets("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"))
                .isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1");
    }
}
