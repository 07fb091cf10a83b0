package io.queryadvisor.samples.springshop.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A product on a {@link Wishlist}; it has no reference back to its wishlist. */
@Entity
@Table(name = "wishlist_items")
public class WishlistItem {

    // Sequence ids, as OrderLine's: the inserts are batched, so what sets this problem apart from
    // its twin is only the UPDATE that follows them.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "wishlist_item_ids")
    @SequenceGenerator(name = "wishlist_item_ids", sequenceName = "wishlist_item_ids", allocationSize = 50)
    private Long id;

    @Column(name = "product_id")
    private Long productId;

    private int quantity;

    protected WishlistItem() {
    }

    WishlistItem(long productId, int quantity) {
        this.productId = productId;
        this.quantity = quantity;
    }

    public Long getId() {
        return id;
    }

    public Long getProductId() {
        return productId;
    }

    public int getQuantity() {
        return quantity;
    }
}
