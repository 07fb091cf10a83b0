/**
 * The -javaagent entry point: reads the configuration, starts the advisor, the capture, the
 * instrumentation and the dashboard, and writes the report at exit. Whatever fails here is said
 * in one line and the application runs as if the agent were not there.
 */
package io.queryadvisor.agent;
