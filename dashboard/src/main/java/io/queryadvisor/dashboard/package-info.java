/**
 * The web dashboard and JSON API the agent serves (JDK HttpServer, loopback by default):
 * queries, findings, rules, reports, and {@code /metrics} for Prometheus (its meters in
 * {@code metrics}). Every answer is the advisor's last publication; nothing
 * here waits for the analysis.
 */
package io.queryadvisor.dashboard;
