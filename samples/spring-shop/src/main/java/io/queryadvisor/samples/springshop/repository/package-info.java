/**
 * Data access: Spring Data JPA repositories and two JdbcTemplate ones, with the projections they return.
 */
package io.queryadvisor.samples.springshop.repository;
