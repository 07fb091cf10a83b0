package io.queryadvisor.samples.springshop.repository;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

/** Writes stock movements in JDBC batches, bypassing JPA (whose IDENTITY ids cannot be batched). */
@Repository
public class StockMovementBatchRepository {

    /** Rows per {@code executeBatch}. */
    public static final int BATCH_SIZE = 50;

    private final JdbcTemplate jdbc;

    public StockMovementBatchRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts one row per {@code (productId, quantity)}, {@value #BATCH_SIZE} per round trip. */
    public void insertAll(List<ProductQuantity> movements, String reason, LocalDateTime at) {
        Timestamp createdAt = Timestamp.valueOf(at);
        jdbc.batchUpdate("INSERT INTO stock_movements (product_id, quantity, reason, created_at) VALUES (?, ?, ?, ?)",
                movements, BATCH_SIZE, (statement, movement) -> {
                    statement.setLong(1, movement.productId());
                    statement.setInt(2, movement.quantity());
                    statement.setString(3, reason);
                    statement.setTimestamp(4, createdAt);
                });
    }
}
