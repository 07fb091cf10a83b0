package io.queryadvisor.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Only class files that declare, with a body, {@code getConnection}, {@code connect} or {@code service}
 * with the instrumented types are candidates; every other class is left alone before any of its
 * super types is looked up.
 */
class ClassFileFilterTest {

    @Test
    void aDataSourceDeclaringGetConnectionIsACandidate() {
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(classFile(HikariDataSource.class))).isTrue();
    }

    @Test
    void aDriverDeclaringConnectIsACandidate() {
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(classFile(org.postgresql.Driver.class))).isTrue();
    }

    @Test
    void aServletDeclaringServiceIsACandidate() {
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(classFile(jakarta.servlet.http.HttpServlet.class)))
                .isTrue();
    }

    @Test
    void aClassWithNoneOfTheNamesIsNot() {
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(classFile(java.util.ArrayList.class))).isFalse();
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(classFile(ClassFileFilterTest.class)))
                .isFalse();
    }

    @Test
    void aNameThatOnlyContainsAnInstrumentedOneIsNotTakenForIt() {
        // "connectTimeout", "serviceName": a longer constant is another name
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(classFile(HasLongerNames.class))).isFalse();
    }

    @Test
    void aMethodNamedLikeAnInstrumentedOneWithOtherTypesIsNot() {
        // getConnection() returning a String, connect(int), service(): not JDBC's nor a servlet's
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(classFile(SameNamesOtherTypes.class))).isFalse();
    }

    @Test
    void aDriverReachedOnlyThroughItsBridgeIsACandidate() {
        // connect narrowed to a subtype of Connection: the compiler's bridge returns java.sql.Connection
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(classFile(NarrowingDriver.class))).isTrue();
    }

    @Test
    void aClassThatOnlyCallsGetConnectionIsNot() {
        // its constant pool holds getConnection and java/sql/Connection, as a declaring class's does
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(classFile(CallsGetConnection.class))).isFalse();
    }

    @Test
    void anAbstractGetConnectionIsNot() {
        // advice needs a body; the subclass that implements it is the candidate
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(classFile(AbstractDataSource.class))).isFalse();
    }

    @Test
    void longAndDoubleConstantsDoNotThrowTheWalkOffTheirEntries() {
        // each takes two constant-pool entries; a walk that counted one would misread every later entry
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(classFile(WideConstantsDataSource.class))).isTrue();
    }

    @Test
    void bytesThatAreNotAWholeClassFileAreLeftToByteBuddy() {
        byte[] whole = classFile(HikariDataSource.class);

        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(java.util.Arrays.copyOf(whole, whole.length / 2)))
                .isTrue();
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(new byte[3])).isTrue();
    }

    @Test
    void aNameHeldTwiceInTheConstantPoolIsTakenForAPossibleCandidate() {
        // the method points at the first copy; a walk that kept only the last would lose the class
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(ClassFiles.declaring("com/shop/ShopDataSource",
                "getConnection", "()Ljava/sql/Connection;", true, false))).isTrue();
    }

    @Test
    void anAttributeLengthBeyondTheFileIsLeftToByteBuddy() {
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(ClassFiles.declaring("com/shop/ShopDataSource",
                "getConnection", "()Ljava/sql/Connection;", false, true))).isTrue();
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(ClassFiles.declaring("com/shop/Orders",
                "getConnection", "()Ljava/lang/String;", false, true))).isTrue();
    }

    @Test
    void theWarmUpClassFileIsReadToItsEndAndIsNoCandidate() {
        // were it left to Byte Buddy, premain's thread would wait for a transformer not yet being built
        assertThat(ClassFileFilter.mayDeclareInstrumentedMethod(DeferredTransformer.EMPTY_CLASS_FILE)).isFalse();
    }

    /** Gets a connection from a data source, as a repository does, and declares nothing of the kind. */
    static final class CallsGetConnection {
        int count(javax.sql.DataSource dataSource) throws java.sql.SQLException {
            try (java.sql.Connection connection = dataSource.getConnection()) {
                return connection.getTransactionIsolation();
            }
        }
    }

    /** Declares getConnection without a body. */
    abstract static class AbstractDataSource implements javax.sql.DataSource {
        @Override
        public abstract java.sql.Connection getConnection();
    }

    /** A data source whose constant pool holds a long and a double before its method names. */
    abstract static class WideConstantsDataSource implements javax.sql.DataSource {
        static final long TIMEOUT = 123_456_789_012L;
        static final double FACTOR = 1.618_033_988_7;
        long timeout = TIMEOUT;
        double factor = FACTOR;

        @Override
        public java.sql.Connection getConnection() {
            return null;
        }
    }

    /** The instrumented names, with types no instrumented method has. */
    static final class SameNamesOtherTypes {
        String getConnection() {
            return "";
        }

        void connect(int port) {
        }

        void service() {
        }
    }

    /** A driver whose connect declares a narrower return type, as MariaDB Connector/J 3's does. */
    abstract static class NarrowingDriver implements java.sql.Driver {
        @Override
        public abstract NarrowConnection connect(String url, java.util.Properties info);
    }

    /** A driver's own connection type. */
    interface NarrowConnection extends java.sql.Connection {
    }

    /** Names that begin with the instrumented ones, and none of those. */
    static final class HasLongerNames {
        int connectTimeout;
        String serviceName;

        int connectTimeout() {
            return connectTimeout;
        }

        String serviceName() {
            return serviceName;
        }
    }

    static byte[] classFile(Class<?> type) {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
