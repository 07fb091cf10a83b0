package io.queryadvisor.samples.boot4;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest Spring Boot 4 web application that runs a statement: {@code GET /double/{n}} asks
 * PostgreSQL for twice {@code n}, with one bound query. Started with
 * {@code --spring.datasource.url=... --spring.datasource.username=... --server.port=0}; it prints
 * Spring's {@code Tomcat started on port N} line. The agent's end-to-end smoke test runs it.
 */
@SpringBootApplication
@RestController
public class Boot4SmokeApplication {

    private final JdbcTemplate jdbc;

    public Boot4SmokeApplication(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static void main(String[] args) {
        SpringApplication.run(Boot4SmokeApplication.class, args);
    }

    @GetMapping("/double/{n}")
    public String twice(@PathVariable("n") int n) {
        return String.valueOf(jdbc.queryForObject("SELECT CAST(? AS integer) * 2", Integer.class, n));
    }
}
