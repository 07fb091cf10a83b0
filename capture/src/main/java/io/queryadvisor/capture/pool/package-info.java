/**
 * Pool sampling: the pools the application gets connections from (HikariCP, DBCP2), read once a
 * second through their own read-only getters on the sampler's own thread, held weakly.
 */
package io.queryadvisor.capture.pool;
