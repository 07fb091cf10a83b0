/**
 * The traffic driver: how long and how much the sample runs, and its progress.
 */
package io.queryadvisor.samples.shop.traffic;
