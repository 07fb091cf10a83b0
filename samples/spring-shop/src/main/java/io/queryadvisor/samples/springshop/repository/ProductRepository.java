package io.queryadvisor.samples.springshop.repository;

import io.queryadvisor.samples.springshop.domain.Product;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Products; {@code findAll(Pageable)} comes from {@link JpaRepository}. */
public interface ProductRepository extends JpaRepository<Product, Long> {

    List<Product> findByCategoryOrderById(String category, Limit limit);

    /** {@code name LIKE 'prefix%'}: products.name has no index, so this reads the whole table. */
    List<Product> findByNameStartingWithOrderByNameAscIdAsc(String prefix, Limit limit);

    /** {@code sku LIKE 'prefix%'}, answered from products_sku_idx (varchar_pattern_ops). */
    List<Product> findBySkuStartingWithOrderBySkuAscIdAsc(String prefix, Limit limit);

    /** Keyset pagination: the page after {@code afterId}, from the primary key, whatever the depth. */
    List<Product> findByIdGreaterThanOrderById(long afterId, Limit limit);
}
