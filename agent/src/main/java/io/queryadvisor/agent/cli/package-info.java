/**
 * The command line of the agent jar (java -jar query-advisor-agent.jar report ...): fetches a
 * report from a running dashboard.
 */
package io.queryadvisor.agent.cli;
