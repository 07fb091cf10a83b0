package io.queryadvisor.advisor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import io.queryadvisor.advisor.probe.ProbeFailure.Kind;

/** Database errors read as kinds of failure, by SQLSTATE and (MariaDB/MySQL) error code. */
class SqlStatesTest {

    private static Kind kindOf(String state, int code) {
        return SqlStates.classify(new SQLException("message", state, code));
    }

    @Test
    void readsPostgresTimeouts() {
        assertThat(kindOf("57014", 0)).isEqualTo(Kind.TIMEOUT); // statement_timeout
        assertThat(kindOf("55P03", 0)).isEqualTo(Kind.TIMEOUT); // lock_timeout
    }

    @Test
    void readsLostConnections() {
        assertThat(kindOf("57P01", 0)).isEqualTo(Kind.CONNECTION_LOST); // pg_terminate_backend
        assertThat(kindOf("08006", 0)).isEqualTo(Kind.CONNECTION_LOST);
        assertThat(kindOf("HY000", 2013)).isEqualTo(Kind.CONNECTION_LOST);
    }

    @Test
    void readsReadOnlyRefusals() {
        assertThat(kindOf("25006", 0)).isEqualTo(Kind.READ_ONLY);
        assertThat(kindOf("HY000", 1792)).isEqualTo(Kind.READ_ONLY);
    }

    @Test
    void readsMissingObjects() {
        assertThat(kindOf("42P01", 0)).isEqualTo(Kind.MISSING_OBJECT);
        assertThat(kindOf("42S02", 1146)).isEqualTo(Kind.MISSING_OBJECT);
    }

    @Test
    void readsMariaDbTimeouts() {
        assertThat(kindOf("70100", 1969)).isEqualTo(Kind.TIMEOUT); // max_statement_time
        assertThat(kindOf("HY000", 1205)).isEqualTo(Kind.TIMEOUT); // lock wait timeout
    }

    @Test
    void takesAnythingElseForAFailedStatement() {
        assertThat(kindOf("42601", 0)).isEqualTo(Kind.STATEMENT_FAILED);
        assertThat(kindOf(null, 0)).isEqualTo(Kind.STATEMENT_FAILED);
    }
}
