package io.queryadvisor.advisor.probe;

/**
 * Asks for the schema's health as a whole (PostgreSQL): every user index with its usage and size,
 * every user table with its dead rows and its last vacuum and analyze, and since when the
 * database has counted. Read from the statistics views and the catalog, which any user may read:
 * no superuser, no table of the application's read.
 */
public record SchemaFactsRequest(String requester, String key, String source) implements ProbeRequest {
}
