package io.queryadvisor.samples.springshop.service;

import io.queryadvisor.samples.springshop.domain.Wishlist;
import io.queryadvisor.samples.springshop.repository.ProductQuantity;
import io.queryadvisor.samples.springshop.repository.WishlistRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.List;

/** Customers' wishlists. */
@Service
public class WishlistService {

    private final WishlistRepository wishlists;

    public WishlistService(WishlistRepository wishlists) {
        this.wishlists = wishlists;
    }

    @Transactional
    public CreatedWishlist create(long customerId, String name, List<ProductQuantity> items) {
        // PLANTED (the mapping is in domain.Wishlist): INSERT the wishlist, INSERT its items without
        // wishlist_id, then UPDATE every item to set it.
        Wishlist wishlist = new Wishlist(customerId, name, LocalDateTime.now());
        items.forEach(item -> wishlist.addItem(item.productId(), item.quantity()));
        wishlists.save(wishlist);
        return new CreatedWishlist(wishlist.getId(), items.size());
    }

    /** The answer to creating a wishlist. */
    public record CreatedWishlist(long id, int items) {
    }
}
