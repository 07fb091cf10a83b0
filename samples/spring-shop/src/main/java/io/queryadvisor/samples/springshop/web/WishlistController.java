package io.queryadvisor.samples.springshop.web;

import io.queryadvisor.samples.springshop.repository.ProductQuantity;
import io.queryadvisor.samples.springshop.service.WishlistService;
import io.queryadvisor.samples.springshop.service.WishlistService.CreatedWishlist;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Customers' wishlists. */
@RestController
public class WishlistController {

    private final WishlistService wishlists;

    public WishlistController(WishlistService wishlists) {
        this.wishlists = wishlists;
    }

    /** Problem 5 (write then update): a wishlist whose items are inserted, then updated (twin: POST /orders). */
    @PostMapping("/wishlists")
    public CreatedWishlist createWishlist(@RequestBody NewWishlist wishlist) {
        return wishlists.create(wishlist.customerId(), wishlist.name(), Requests.nonEmpty("items", wishlist.items()));
    }

    /** The body of POST /wishlists. */
    public record NewWishlist(long customerId, String name, List<ProductQuantity> items) {
    }
}
