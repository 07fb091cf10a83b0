package io.queryadvisor.samples.springshop.web;

import io.queryadvisor.samples.springshop.domain.Product;
import io.queryadvisor.samples.springshop.repository.ProductRepository;
import io.queryadvisor.samples.springshop.service.CatalogService;
import io.queryadvisor.samples.springshop.service.CatalogService.ProductPage;
import io.queryadvisor.samples.springshop.service.CatalogService.ProductWindow;
import io.queryadvisor.samples.springshop.service.InventoryService;
import io.queryadvisor.samples.springshop.service.InventoryService.Availability;
import io.queryadvisor.samples.springshop.service.NotFoundException;
import io.queryadvisor.samples.springshop.service.ProductSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The catalogue: availability, search, pages. */
@RestController
public class ProductController {

    private final ProductRepository products;
    private final InventoryService inventory;
    private final CatalogService catalog;

    public ProductController(ProductRepository products, InventoryService inventory, CatalogService catalog) {
        this.products = products;
        this.inventory = inventory;
        this.catalog = catalog;
    }

    /** Problem 4 (same entity loaded twice): loaded here to answer 404, then again by the service. */
    @GetMapping("/products/{id}/availability")
    public Availability availability(@PathVariable long id) {
        // PLANTED (with InventoryService.availabilityOf(long)): this SELECT, in a transaction of its
        // own, is repeated by the service with the same id.
        Product product = products.findById(id).orElseThrow(() -> new NotFoundException("product " + id));
        return inventory.availabilityOf(product.getId());
    }

    /** Twin of problem 4: loaded once, and the entity handed to the service. */
    @GetMapping("/products/{id}/availability/loaded-once")
    public Availability availabilityLoadingOnce(@PathVariable long id) {
        Product product = products.findById(id).orElseThrow(() -> new NotFoundException("product " + id));
        return inventory.availabilityOf(product);
    }

    /** Problem 6 (missing index): search by a prefix of the name, which has no index. */
    @GetMapping("/products/by-name")
    public List<ProductSummary> searchByName(@RequestParam String prefix) {
        return catalog.searchByName(prefix);
    }

    /** Twin of problem 6: search by a prefix of the SKU, which has one. */
    @GetMapping("/products/by-sku")
    public List<ProductSummary> searchBySku(@RequestParam String prefix) {
        return catalog.searchBySku(prefix);
    }

    /** Problem 7 (count beside every page, deep OFFSET): page {@code page} of the catalogue, from 0. */
    @GetMapping("/products")
    public ProductPage page(@RequestParam(defaultValue = "0") int page) {
        return catalog.page(Requests.atLeastZero("page", page));
    }

    /** Twin of problem 7: the page after product {@code after} (keyset), no count. */
    @GetMapping("/products/keyset")
    public ProductWindow pageAfter(@RequestParam(defaultValue = "0") long after) {
        return catalog.pageAfter(after);
    }
}
