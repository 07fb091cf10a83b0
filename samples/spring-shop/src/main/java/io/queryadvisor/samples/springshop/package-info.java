/**
 * The Spring Boot sample shop: an application with planted database problems, each beside a correct
 * twin, for Query Advisor to find; and its command line.
 */
package io.queryadvisor.samples.springshop;
