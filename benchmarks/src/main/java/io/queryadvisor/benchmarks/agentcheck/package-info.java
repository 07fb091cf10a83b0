/**
 * A sanity loop run under the real -javaagent, to check the JMH figures against the whole agent.
 */
package io.queryadvisor.benchmarks.agentcheck;
