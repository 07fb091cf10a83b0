/**
 * Plain-JDBC repositories: where the planted problems and their correct twins live.
 */
package io.queryadvisor.samples.shop.repository;
