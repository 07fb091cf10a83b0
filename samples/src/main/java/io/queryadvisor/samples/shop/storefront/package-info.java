/**
 * What a customer does, in terms of repository calls.
 */
package io.queryadvisor.samples.shop.storefront;
