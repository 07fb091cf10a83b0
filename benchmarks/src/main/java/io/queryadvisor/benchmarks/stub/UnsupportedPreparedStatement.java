package io.queryadvisor.benchmarks.stub;

import static io.queryadvisor.benchmarks.stub.Unsupported.unsupported;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * Every PreparedStatement method, refusing. The stub driver overrides the few that a pool and the measured
 * statement cycle call; anything else fails loudly instead of returning a made-up answer.
 * Mechanical on purpose: one line per method of the interface, parameters named by position.
 */
@SuppressWarnings("deprecation") // the interface still declares, so we still implement, its deprecated methods
abstract class UnsupportedPreparedStatement implements PreparedStatement {

    @Override public void addBatch() throws SQLException { throw unsupported(); }
    @Override public void addBatch(String a) throws SQLException { throw unsupported(); }
    @Override public void cancel() throws SQLException { throw unsupported(); }
    @Override public void clearBatch() throws SQLException { throw unsupported(); }
    @Override public void clearParameters() throws SQLException { throw unsupported(); }
    @Override public void clearWarnings() throws SQLException { throw unsupported(); }
    @Override public void closeOnCompletion() throws SQLException { throw unsupported(); }
    @Override public void close() throws SQLException { throw unsupported(); }
    @Override public int[] executeBatch() throws SQLException { throw unsupported(); }
    @Override public ResultSet executeQuery() throws SQLException { throw unsupported(); }
    @Override public ResultSet executeQuery(String a) throws SQLException { throw unsupported(); }
    @Override public int executeUpdate() throws SQLException { throw unsupported(); }
    @Override public int executeUpdate(String a, int[] b) throws SQLException { throw unsupported(); }
    @Override public int executeUpdate(String a, String[] b) throws SQLException { throw unsupported(); }
    @Override public int executeUpdate(String a, int b) throws SQLException { throw unsupported(); }
    @Override public int executeUpdate(String a) throws SQLException { throw unsupported(); }
    @Override public boolean execute() throws SQLException { throw unsupported(); }
    @Override public boolean execute(String a, int[] b) throws SQLException { throw unsupported(); }
    @Override public boolean execute(String a, String[] b) throws SQLException { throw unsupported(); }
    @Override public boolean execute(String a, int b) throws SQLException { throw unsupported(); }
    @Override public boolean execute(String a) throws SQLException { throw unsupported(); }
    @Override public Connection getConnection() throws SQLException { throw unsupported(); }
    @Override public int getFetchDirection() throws SQLException { throw unsupported(); }
    @Override public int getFetchSize() throws SQLException { throw unsupported(); }
    @Override public ResultSet getGeneratedKeys() throws SQLException { throw unsupported(); }
    @Override public int getMaxFieldSize() throws SQLException { throw unsupported(); }
    @Override public int getMaxRows() throws SQLException { throw unsupported(); }
    @Override public ResultSetMetaData getMetaData() throws SQLException { throw unsupported(); }
    @Override public boolean getMoreResults() throws SQLException { throw unsupported(); }
    @Override public boolean getMoreResults(int a) throws SQLException { throw unsupported(); }
    @Override public ParameterMetaData getParameterMetaData() throws SQLException { throw unsupported(); }
    @Override public int getQueryTimeout() throws SQLException { throw unsupported(); }
    @Override public int getResultSetConcurrency() throws SQLException { throw unsupported(); }
    @Override public int getResultSetHoldability() throws SQLException { throw unsupported(); }
    @Override public int getResultSetType() throws SQLException { throw unsupported(); }
    @Override public ResultSet getResultSet() throws SQLException { throw unsupported(); }
    @Override public int getUpdateCount() throws SQLException { throw unsupported(); }
    @Override public SQLWarning getWarnings() throws SQLException { throw unsupported(); }
    @Override public boolean isCloseOnCompletion() throws SQLException { throw unsupported(); }
    @Override public boolean isClosed() throws SQLException { throw unsupported(); }
    @Override public boolean isPoolable() throws SQLException { throw unsupported(); }
    @Override public boolean isWrapperFor(Class<?> a) throws SQLException { throw unsupported(); }
    @Override public void setArray(int a, Array b) throws SQLException { throw unsupported(); }
    @Override public void setAsciiStream(int a, InputStream b, int c) throws SQLException { throw unsupported(); }
    @Override public void setAsciiStream(int a, InputStream b, long c) throws SQLException { throw unsupported(); }
    @Override public void setAsciiStream(int a, InputStream b) throws SQLException { throw unsupported(); }
    @Override public void setBigDecimal(int a, BigDecimal b) throws SQLException { throw unsupported(); }
    @Override public void setBinaryStream(int a, InputStream b, int c) throws SQLException { throw unsupported(); }
    @Override public void setBinaryStream(int a, InputStream b, long c) throws SQLException { throw unsupported(); }
    @Override public void setBinaryStream(int a, InputStream b) throws SQLException { throw unsupported(); }
    @Override public void setBlob(int a, InputStream b, long c) throws SQLException { throw unsupported(); }
    @Override public void setBlob(int a, InputStream b) throws SQLException { throw unsupported(); }
    @Override public void setBlob(int a, Blob b) throws SQLException { throw unsupported(); }
    @Override public void setBoolean(int a, boolean b) throws SQLException { throw unsupported(); }
    @Override public void setByte(int a, byte b) throws SQLException { throw unsupported(); }
    @Override public void setBytes(int a, byte[] b) throws SQLException { throw unsupported(); }
    @Override public void setCharacterStream(int a, Reader b, int c) throws SQLException { throw unsupported(); }
    @Override public void setCharacterStream(int a, Reader b, long c) throws SQLException { throw unsupported(); }
    @Override public void setCharacterStream(int a, Reader b) throws SQLException { throw unsupported(); }
    @Override public void setClob(int a, Reader b, long c) throws SQLException { throw unsupported(); }
    @Override public void setClob(int a, Reader b) throws SQLException { throw unsupported(); }
    @Override public void setClob(int a, Clob b) throws SQLException { throw unsupported(); }
    @Override public void setCursorName(String a) throws SQLException { throw unsupported(); }
    @Override public void setDate(int a, Date b, Calendar c) throws SQLException { throw unsupported(); }
    @Override public void setDate(int a, Date b) throws SQLException { throw unsupported(); }
    @Override public void setDouble(int a, double b) throws SQLException { throw unsupported(); }
    @Override public void setEscapeProcessing(boolean a) throws SQLException { throw unsupported(); }
    @Override public void setFetchDirection(int a) throws SQLException { throw unsupported(); }
    @Override public void setFetchSize(int a) throws SQLException { throw unsupported(); }
    @Override public void setFloat(int a, float b) throws SQLException { throw unsupported(); }
    @Override public void setInt(int a, int b) throws SQLException { throw unsupported(); }
    @Override public void setLong(int a, long b) throws SQLException { throw unsupported(); }
    @Override public void setMaxFieldSize(int a) throws SQLException { throw unsupported(); }
    @Override public void setMaxRows(int a) throws SQLException { throw unsupported(); }
    @Override public void setNCharacterStream(int a, Reader b, long c) throws SQLException { throw unsupported(); }
    @Override public void setNCharacterStream(int a, Reader b) throws SQLException { throw unsupported(); }
    @Override public void setNClob(int a, Reader b, long c) throws SQLException { throw unsupported(); }
    @Override public void setNClob(int a, Reader b) throws SQLException { throw unsupported(); }
    @Override public void setNClob(int a, NClob b) throws SQLException { throw unsupported(); }
    @Override public void setNString(int a, String b) throws SQLException { throw unsupported(); }
    @Override public void setNull(int a, int b, String c) throws SQLException { throw unsupported(); }
    @Override public void setNull(int a, int b) throws SQLException { throw unsupported(); }
    @Override public void setObject(int a, Object b, int c, int d) throws SQLException { throw unsupported(); }
    @Override public void setObject(int a, Object b, int c) throws SQLException { throw unsupported(); }
    @Override public void setObject(int a, Object b) throws SQLException { throw unsupported(); }
    @Override public void setPoolable(boolean a) throws SQLException { throw unsupported(); }
    @Override public void setQueryTimeout(int a) throws SQLException { throw unsupported(); }
    @Override public void setRef(int a, Ref b) throws SQLException { throw unsupported(); }
    @Override public void setRowId(int a, RowId b) throws SQLException { throw unsupported(); }
    @Override public void setSQLXML(int a, SQLXML b) throws SQLException { throw unsupported(); }
    @Override public void setShort(int a, short b) throws SQLException { throw unsupported(); }
    @Override public void setString(int a, String b) throws SQLException { throw unsupported(); }
    @Override public void setTime(int a, Time b, Calendar c) throws SQLException { throw unsupported(); }
    @Override public void setTime(int a, Time b) throws SQLException { throw unsupported(); }
    @Override public void setTimestamp(int a, Timestamp b, Calendar c) throws SQLException { throw unsupported(); }
    @Override public void setTimestamp(int a, Timestamp b) throws SQLException { throw unsupported(); }
    @Override public void setURL(int a, URL b) throws SQLException { throw unsupported(); }
    @Override public void setUnicodeStream(int a, InputStream b, int c) throws SQLException { throw unsupported(); }
    @Override public <T> T unwrap(Class<T> a) throws SQLException { throw unsupported(); }
}
