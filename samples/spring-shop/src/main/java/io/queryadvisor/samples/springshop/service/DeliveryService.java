package io.queryadvisor.samples.springshop.service;

import io.queryadvisor.samples.springshop.domain.StockMovement;
import io.queryadvisor.samples.springshop.repository.ProductQuantity;
import io.queryadvisor.samples.springshop.repository.StockMovementBatchRepository;
import io.queryadvisor.samples.springshop.repository.StockMovementRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.List;

/** Goods received from suppliers: one stock movement per product delivered. */
@Service
public class DeliveryService {

    static final String REASON = "delivery";

    private final StockMovementRepository movements;
    private final StockMovementBatchRepository batches;

    public DeliveryService(StockMovementRepository movements, StockMovementBatchRepository batches) {
        this.movements = movements;
        this.batches = batches;
    }

    @Transactional
    public Receipt recordOneByOne(List<ProductQuantity> lines) {
        LocalDateTime now = LocalDateTime.now();
        for (ProductQuantity line : lines) {
            // PLANTED: unbatched writes. StockMovement has IDENTITY ids, so each save runs its own
            // INSERT ... RETURNING id at once: 50 round trips for a delivery of 50 products.
            movements.save(new StockMovement(line.productId(), line.quantity(), REASON, now));
        }
        return new Receipt(lines.size());
    }

    @Transactional
    public Receipt recordInBatches(List<ProductQuantity> lines) {
        // The same rows in one JDBC batch (one executeBatch per 50 rows), in the same transaction.
        batches.insertAll(lines, REASON, LocalDateTime.now());
        return new Receipt(lines.size());
    }

    /** The answer to recording a delivery: how many stock movements were written. */
    public record Receipt(int movements) {
    }
}
