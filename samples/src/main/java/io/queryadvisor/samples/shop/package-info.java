/**
 * The plain-JDBC sample shop: an application with planted problems (and their correct twins) for
 * Query Advisor to find.
 */
package io.queryadvisor.samples.shop;
