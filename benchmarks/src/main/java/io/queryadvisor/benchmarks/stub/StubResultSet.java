package io.queryadvisor.benchmarks.stub;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * One row, three columns: {@code id} (the bound key), {@code name} (a constant string) and
 * {@code quantity} (3), readable by index or label.
 */
final class StubResultSet extends UnsupportedResultSet {

    private static final String NAME = "stub";
    private static final int QUANTITY = 3;

    private final StubPreparedStatement statement;
    private int id;
    private int row;
    private boolean closed = true;

    StubResultSet(StubPreparedStatement statement) {
        this.statement = statement;
    }

    void reopen(int key) {
        id = key;
        row = 0;
        closed = false;
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        return ++row == 1;
    }

    @Override
    public int getInt(int column) throws SQLException {
        return switch (current(column)) {
            case 1 -> id;
            case 3 -> QUANTITY;
            default -> throw new SQLException("column " + column + " is not a number");
        };
    }

    @Override
    public long getLong(int column) throws SQLException {
        return getInt(column);
    }

    @Override
    public String getString(int column) throws SQLException {
        return switch (current(column)) {
            case 1 -> Integer.toString(id);
            case 2 -> NAME;
            default -> Integer.toString(QUANTITY);
        };
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public int findColumn(String label) throws SQLException {
        return switch (label.toLowerCase(Locale.ROOT)) {
            case "id" -> 1;
            case "name" -> 2;
            case "quantity" -> 3;
            default -> throw new SQLException("no column " + label);
        };
    }

    @Override
    public boolean wasNull() {
        return false;
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private int current(int column) throws SQLException {
        checkOpen();
        if (row != 1) {
            throw new SQLException("not on a row");
        }
        if (column < 1 || column > 3) {
            throw new SQLException("no column " + column);
        }
        return column;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("result set is closed");
        }
    }
}
