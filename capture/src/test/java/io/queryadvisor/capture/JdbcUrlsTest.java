package io.queryadvisor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertThat(JdbcUrls.withoutSecrets("jdbc:postgresql://db:5432/shop?user=app@corp&sslmode=verify-full"))
                .isEqualTo("jdbc:postgresql://db:5432/shop?user=app@corp&sslmode=verify-full");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        jdbc:postgresql://db/shop?user=app&password=a:b&ssl=true                | jdbc:postgresql://db/shop?user=app&password=***&ssl=true
        jdbc:postgresql://db/shop?password=a&b:c&ssl=true                       | jdbc:postgresql://db/shop?password=***&ssl=true
        jdbc:postgresql://db/shop?sslmode=require&sslpassword=x;y:z             | jdbc:postgresql://db/shop?sslmode=require&sslpassword=***
        jdbc:postgresql://db/shop?PassWord=a:b                                  | jdbc:postgresql://db/shop?PassWord=***
        jdbc:sqlserver://db:1433;databaseName=shop;user=app;password=a:b&c;encrypt=true | jdbc:sqlserver://db:1433;databaseName=shop;user=app;password=***;encrypt=true
        jdbc:h2:tcp://db/~/shop;USER=sa;PASSWORD=file:pw user:pw;CIPHER=AES     | jdbc:h2:tcp://db/~/shop;USER=sa;PASSWORD=***;CIPHER=AES
        jdbc:db2://db:50000/shop:user=app;pwd=a:b;                              | jdbc:db2://db:50000/shop:user=app;pwd=***;
        jdbc:mysql://app:p@ss:w0rd@db:3306/shop?useSSL=true                     | jdbc:mysql://app:***@db:3306/shop?useSSL=true
        jdbc:mysql://address=(host=db)(port=3306)(password=s3:cr)/shop          | jdbc:mysql://address=(host=db)(port=3306)(password=***)/shop
        jdbc:snowflake://acct.example.com/?private_key_pwd=k:1&token=t:2&db=x   | jdbc:snowflake://acct.example.com/?private_key_pwd=***&token=***&db=x
        jdbc:awsathena://athena.example.com:443;AwsSecretKey=a/b:c;S3OutputLocation=s3://x | jdbc:awsathena://athena.example.com:443;AwsSecretKey=***;S3OutputLocation=s3://x
        jdbc:example://db/x?apiKey=k:1&passwd=p:2&clientSecret=s:3&Passphrase=q:4 | jdbc:example://db/x?apiKey=***&passwd=***&clientSecret=***&Passphrase=***
        jdbc:oracle:thin:scott/ti:ger@//db:1521/svc                             | jdbc:oracle:thin:scott/***@//db:1521/svc
        """)
    void masksTheWholeValueOfEverySecret(String url, String masked) {
        assertThat(JdbcUrls.withoutSecrets(url)).isEqualTo(masked);
    }
}
