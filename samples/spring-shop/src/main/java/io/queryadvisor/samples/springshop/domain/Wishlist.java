package io.queryadvisor.samples.springshop.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** A customer's wishlist: products they may buy later. */
@Entity
@Table(name = "wishlists")
public class Wishlist {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id")
    private Long customerId;

    private String name;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    // PLANTED: a unidirectional @OneToMany with @JoinColumn. The items do not know their wishlist,
    // so Hibernate inserts them without wishlist_id and then runs one UPDATE per item to set it:
    // every row written twice. Mapping the association from the item's side (@ManyToOne, as
    // OrderLine does) lets one INSERT per item suffice.
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "wishlist_id")
    private List<WishlistItem> items = new ArrayList<>();

    protected Wishlist() {
    }

    public Wishlist(long customerId, String name, LocalDateTime createdAt) {
        this.customerId = customerId;
        this.name = name;
        this.createdAt = createdAt;
    }

    public void addItem(long productId, int quantity) {
        items.add(new WishlistItem(productId, quantity));
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getName() {
        return name;
    }

    public List<WishlistItem> getItems() {
        return items;
    }
}
