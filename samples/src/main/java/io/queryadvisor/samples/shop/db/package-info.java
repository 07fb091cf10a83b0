/**
 * The shop's database: the embedded PostgreSQL or a given one, the schema, the pool and the
 * generated data.
 */
package io.queryadvisor.samples.shop.db;
