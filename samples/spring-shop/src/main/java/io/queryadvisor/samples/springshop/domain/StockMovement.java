package io.queryadvisor.samples.springshop.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** Goods coming into (or going out of) the warehouse, one row per product. */
@Entity
@Table(name = "stock_movements")
public class StockMovement {

    // IDENTITY: the database assigns the id during the INSERT, so Hibernate must send each INSERT
    // on its own to read it back; hibernate.jdbc.batch_size has no effect on this entity.
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "product_id")
    private Long productId;

    private int quantity;

    private String reason;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected StockMovement() {
    }

    public StockMovement(long productId, int quantity, String reason, LocalDateTime createdAt) {
        this.productId = productId;
        this.quantity = quantity;
        this.reason = reason;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }
}
