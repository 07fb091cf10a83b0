package io.queryadvisor.benchmarks.stub;

import static io.queryadvisor.benchmarks.stub.Unsupported.unsupported;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * Every Connection method, refusing. The stub driver overrides the few that a pool and the measured
 * statement cycle call; anything else fails loudly instead of returning a made-up answer.
 * Mechanical on purpose: one line per method of the interface, parameters named by position.
 */
abstract class UnsupportedConnection implements Connection {

    @Override public void abort(Executor a) throws SQLException { throw unsupported(); }
    @Override public void clearWarnings() throws SQLException { throw unsupported(); }
    @Override public void close() throws SQLException { throw unsupported(); }
    @Override public void commit() throws SQLException { throw unsupported(); }
    @Override public Array createArrayOf(String a, Object[] b) throws SQLException { throw unsupported(); }
    @Override public Blob createBlob() throws SQLException { throw unsupported(); }
    @Override public Clob createClob() throws SQLException { throw unsupported(); }
    @Override public NClob createNClob() throws SQLException { throw unsupported(); }
    @Override public SQLXML createSQLXML() throws SQLException { throw unsupported(); }
    @Override public Statement createStatement() throws SQLException { throw unsupported(); }
    @Override public Statement createStatement(int a, int b, int c) throws SQLException { throw unsupported(); }
    @Override public Statement createStatement(int a, int b) throws SQLException { throw unsupported(); }
    @Override public Struct createStruct(String a, Object[] b) throws SQLException { throw unsupported(); }
    @Override public boolean getAutoCommit() throws SQLException { throw unsupported(); }
    @Override public String getCatalog() throws SQLException { throw unsupported(); }
    @Override public Properties getClientInfo() throws SQLException { throw unsupported(); }
    @Override public String getClientInfo(String a) throws SQLException { throw unsupported(); }
    @Override public int getHoldability() throws SQLException { throw unsupported(); }
    @Override public DatabaseMetaData getMetaData() throws SQLException { throw unsupported(); }
    @Override public int getNetworkTimeout() throws SQLException { throw unsupported(); }
    @Override public String getSchema() throws SQLException { throw unsupported(); }
    @Override public int getTransactionIsolation() throws SQLException { throw unsupported(); }
    @Override public Map<String, Class<?>> getTypeMap() throws SQLException { throw unsupported(); }
    @Override public SQLWarning getWarnings() throws SQLException { throw unsupported(); }
    @Override public boolean isClosed() throws SQLException { throw unsupported(); }
    @Override public boolean isReadOnly() throws SQLException { throw unsupported(); }
    @Override public boolean isValid(int a) throws SQLException { throw unsupported(); }
    @Override public boolean isWrapperFor(Class<?> a) throws SQLException { throw unsupported(); }
    @Override public String nativeSQL(String a) throws SQLException { throw unsupported(); }
    @Override public CallableStatement prepareCall(String a, int b, int c, int d) throws SQLException {
        throw unsupported();
    }
    @Override public CallableStatement prepareCall(String a, int b, int c) throws SQLException { throw unsupported(); }
    @Override public CallableStatement prepareCall(String a) throws SQLException { throw unsupported(); }
    @Override public PreparedStatement prepareStatement(String a, int[] b) throws SQLException { throw unsupported(); }
    @Override public PreparedStatement prepareStatement(String a, String[] b) throws SQLException {
        throw unsupported();
    }
    @Override public PreparedStatement prepareStatement(String a, int b, int c, int d) throws SQLException {
        throw unsupported();
    }
    @Override public PreparedStatement prepareStatement(String a, int b, int c) throws SQLException {
        throw unsupported();
    }
    @Override public PreparedStatement prepareStatement(String a, int b) throws SQLException { throw unsupported(); }
    @Override public PreparedStatement prepareStatement(String a) throws SQLException { throw unsupported(); }
    @Override public void releaseSavepoint(Savepoint a) throws SQLException { throw unsupported(); }
    @Override public void rollback() throws SQLException { throw unsupported(); }
    @Override public void rollback(Savepoint a) throws SQLException { throw unsupported(); }
    @Override public void setAutoCommit(boolean a) throws SQLException { throw unsupported(); }
    @Override public void setCatalog(String a) throws SQLException { throw unsupported(); }
    @Override public void setClientInfo(String a, String b) throws SQLClientInfoException {
        throw new SQLClientInfoException();
    }
    @Override public void setClientInfo(Properties a) throws SQLClientInfoException {
        throw new SQLClientInfoException();
    }
    @Override public void setHoldability(int a) throws SQLException { throw unsupported(); }
    @Override public void setNetworkTimeout(Executor a, int b) throws SQLException { throw unsupported(); }
    @Override public void setReadOnly(boolean a) throws SQLException { throw unsupported(); }
    @Override public Savepoint setSavepoint() throws SQLException { throw unsupported(); }
    @Override public Savepoint setSavepoint(String a) throws SQLException { throw unsupported(); }
    @Override public void setSchema(String a) throws SQLException { throw unsupported(); }
    @Override public void setTransactionIsolation(int a) throws SQLException { throw unsupported(); }
    @Override public void setTypeMap(Map<String, Class<?>> a) throws SQLException { throw unsupported(); }
    @Override public <T> T unwrap(Class<T> a) throws SQLException { throw unsupported(); }
}
