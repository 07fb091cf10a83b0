package io.queryadvisor.samples.springshop.service;

import io.queryadvisor.samples.springshop.domain.Product;
import io.queryadvisor.samples.springshop.repository.OrderLineRepository;
import io.queryadvisor.samples.springshop.repository.ProductRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How many units of a product can still be sold. */
@Service
public class InventoryService {

    private final ProductRepository products;
    private final OrderLineRepository orderLines;

    public InventoryService(ProductRepository products, OrderLineRepository orderLines) {
        this.products = products;
        this.orderLines = orderLines;
    }

    @Transactional(readOnly = true)
    public Availability availabilityOf(long productId) {
        // PLANTED (with ProductController.availability): the product is loaded again here, in this
        // transaction's own persistence context, though the caller loaded it a moment ago in another.
        Product product = products.findById(productId).orElseThrow(() -> new NotFoundException("product " + productId));
        return availabilityOf(product);
    }

    @Transactional(readOnly = true)
    public Availability availabilityOf(Product product) {
        long reserved = orderLines.sumReservedQuantity(product.getId());
        return new Availability(product.getId(), product.getSku(), product.getStock(), reserved, product.getStock() - reserved);
    }

    /** Units in stock, units in orders not yet paid, and what remains. */
    public record Availability(long productId, String sku, int stock, long reserved, long available) {
    }
}
