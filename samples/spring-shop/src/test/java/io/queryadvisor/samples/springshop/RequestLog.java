package io.queryadvisor.samples.springshop;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Records the endpoint of every request the shop served, as "GET /orders" (the mapping's pattern). */
public final class RequestLog extends OncePerRequestFilter {

    private final List<String> endpoints = new ArrayList<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        record(request.getMethod() + " " + pattern);
    }

    public synchronized void clear() {
        endpoints.clear();
    }

    /** The endpoints called since the last {@link #clear()}, in order. */
    public synchronized List<String> endpoints() {
        return List.copyOf(endpoints);
    }

    private synchronized void record(String endpoint) {
        endpoints.add(endpoint);
    }
}
