package io.queryadvisor.samples.springshop.service;

import io.queryadvisor.samples.springshop.domain.Product;
import io.queryadvisor.samples.springshop.repository.ProductRepository;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Browsing and searching the catalogue. */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    /** Products per page and per search result. */
    public static final int PAGE_SIZE = 20;

    private final ProductRepository products;

    public CatalogService(ProductRepository products) {
        this.products = products;
    }

    public List<ProductSummary> searchByName(String prefix) {
        // PLANTED: LIKE 'prefix%' on products.name, which has no index: a sequential scan of the
        // 50,000 products for every search.
        return summaries(products.findByNameStartingWithOrderByNameAscIdAsc(prefix, Limit.of(PAGE_SIZE)));
    }

    public List<ProductSummary> searchBySku(String prefix) {
        return summaries(products.findBySkuStartingWithOrderBySkuAscIdAsc(prefix, Limit.of(PAGE_SIZE)));
    }

    public ProductPage page(int page) {
        // PLANTED: a Page<T> costs a second query, SELECT count(*), beside every page, and the page
        // itself is read with OFFSET page*20: the deeper the page, the more rows read and thrown away.
        Page<Product> found = products.findAll(PageRequest.of(page, PAGE_SIZE, Sort.by("id")));
        return new ProductPage(summaries(found.getContent()), page, found.getTotalElements(), found.getTotalPages());
    }

    public ProductWindow pageAfter(long afterId) {
        // Keyset pagination: WHERE id > ? ORDER BY id LIMIT 20, from the primary key at any depth;
        // no count (the client asks for the next page while one is full).
        List<ProductSummary> items = summaries(products.findByIdGreaterThanOrderById(afterId, Limit.of(PAGE_SIZE)));
        Long next = items.size() == PAGE_SIZE ? items.get(items.size() - 1).id() : null;
        return new ProductWindow(items, next);
    }

    private static List<ProductSummary> summaries(List<Product> products) {
        return products.stream().map(ProductSummary::of).toList();
    }

    /** A numbered page, with the totals a Page<T> computes. */
    public record ProductPage(List<ProductSummary> items, int page, long totalItems, int totalPages) {
    }

    /** A page of a keyset walk: {@code nextAfter} is the id to ask for the next page after, null at the end. */
    public record ProductWindow(List<ProductSummary> items, Long nextAfter) {
    }
}
