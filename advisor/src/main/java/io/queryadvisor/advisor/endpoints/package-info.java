/**
 * Endpoints: the bounded catalog of endpoint names every statement is filed under (a request's
 * route, or "no request" and its thread's name pattern), and per-endpoint statistics (requests,
 * statements and time in the database per request, errors, and the queries each ran).
 */
package io.queryadvisor.advisor.endpoints;
