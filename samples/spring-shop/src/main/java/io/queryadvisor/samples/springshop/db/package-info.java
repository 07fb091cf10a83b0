/**
 * The shop's database: the server (embedded or given), its schema recreated at start, and what the
 * generated data holds.
 */
package io.queryadvisor.samples.springshop.db;
