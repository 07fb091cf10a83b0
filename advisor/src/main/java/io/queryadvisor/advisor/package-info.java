/**
 * The analysis core, free of agent concerns: Advisor is its public face (events in through its
 * CaptureBuffer; statistics, findings and reports out, as last published by its one consumer
 * thread). Knows nothing of bytecode, servlets or HTTP, so the agent, the capture library and
 * tests feed it alike.
 */
package io.queryadvisor.advisor;
