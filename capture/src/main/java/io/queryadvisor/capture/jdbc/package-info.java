/**
 * The JDBC wrappers the application gets: connection, statements, result sets and metadata, each
 * an abstract {@code Capturing*} class with what capture needs, made concrete by delegating
 * classes generated at build time ({@link io.queryadvisor.capture.jdbc.WrapperClasses}); and the
 * checkout protocol ({@link io.queryadvisor.capture.jdbc.Checkouts}) that the agent's advice and the
 * library's DataSource both end in.
 */
package io.queryadvisor.capture.jdbc;
