/**
 * The shop's REST endpoints. Each planted problem has its own endpoint and, in the same controller
 * (or, for problem 5, in OrderController), a correct twin doing the same job; samples/spring-shop/README.md
 * lists them with their lines.
 */
package io.queryadvisor.samples.springshop.web;
