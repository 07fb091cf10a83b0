package io.queryadvisor.capture.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * A result set that counts the rows the application reads and remembers which columns it reads,
 * by index (a bit mask) and by label (a short array, compared by identity first: labels are
 * nearly always string constants). That is how a {@code SELECT *} finding can name the exact
 * columns the code needs. The generated subclass calls {@link #readColumn} from every getter.
 */
public abstract class CapturingResultSet implements ResultSet {

    private static final int MAX_LABELS = 64;

    protected final ResultSet delegate;
    private final StatementRecorder owner;
    private long rows;
    private long byIndex;
    private String[] labels;
    private int labelCount;
    private boolean closed;

    protected CapturingResultSet(ResultSet delegate, StatementRecorder owner) {
        this.delegate = delegate;
        this.owner = owner;
    }

    protected final void readColumn(int index) {
        if (index > 0 && index < 64) {
            byIndex |= 1L << index;
        }
    }

    protected final void readColumn(String label) {
        for (int i = 0; i < labelCount; i++) {
            String known = labels[i];
            if (known == label || known.equalsIgnoreCase(label)) {
                return;
            }
        }
        if (label == null || labelCount == MAX_LABELS) {
            return;
        }
        if (labels == null) {
            labels = new String[8];
        } else if (labelCount == labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
        }
        labels[labelCount++] = label;
    }

    final long rowsRead() {
        return rows;
    }

    final long columnsByIndex() {
        return byIndex;
    }

    final List<String> columnsByName() {
        return labelCount == 0 ? List.of() : List.of(Arrays.copyOf(labels, labelCount));
    }

    @Override
    public boolean next() throws SQLException {
        boolean more = delegate.next();
        if (more) {
            rows++;
        }
        return more;
    }

    @Override
    public void close() throws SQLException {
        if (!closed) {
            closed = true;
            owner.resultClosed(this, rows, byIndex, columnsByName());
        }
        delegate.close();
    }

    @Override
    public Statement getStatement() {
        return owner;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Unwrapping.unwrap(this, delegate, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Unwrapping.isWrapperFor(this, delegate, iface);
    }

    @Override
    public String toString() {
        return "QueryAdvisor[" + delegate + "]";
    }
}
