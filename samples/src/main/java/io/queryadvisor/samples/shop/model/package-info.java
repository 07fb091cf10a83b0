/**
 * The shop's records.
 */
package io.queryadvisor.samples.shop.model;
