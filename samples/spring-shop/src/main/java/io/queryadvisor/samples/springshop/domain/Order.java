package io.queryadvisor.samples.springshop.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * An order and its lines. The association is mapped from the child's side
 * ({@link OrderLine#getOrder()} owns the foreign key), so placing an order inserts each line with
 * its {@code order_id} at once: no UPDATE afterwards (the correct twin of {@link Wishlist}).
 */
@Entity
@Table(name = "orders")
public class Order {

    public static final String NEW = "NEW";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id")
    private Long customerId;

    private String status;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    // LAZY, the default for collections: loaded when first used.
    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
    }

    public Order(long customerId, LocalDateTime createdAt) {
        this.customerId = customerId;
        this.status = NEW;
        this.createdAt = createdAt;
    }

    public void addLine(long productId, int quantity, BigDecimal unitPrice) {
        lines.add(new OrderLine(this, productId, quantity, unitPrice));
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getStatus() {
        return status;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public List<OrderLine> getLines() {
        return lines;
    }
}
