package io.queryadvisor.samples.springshop.repository;

import io.queryadvisor.samples.springshop.domain.Wishlist;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WishlistRepository extends JpaRepository<Wishlist, Long> {
}
