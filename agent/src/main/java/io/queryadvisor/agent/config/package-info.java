/**
 * Where settings come from (agent arguments, system properties, environment variables, in that
 * order) and the agent's one typed configuration record.
 */
package io.queryadvisor.agent.config;
