/**
 * The capture layer, usable without the agent ({@link io.queryadvisor.capture.QueryAdvisor} wraps a
 * DataSource): the state every wrapper shares ({@link io.queryadvisor.capture.Capture}), each
 * thread's context, call-site sampling and its filter of application code, and how the data
 * sources and drivers seen are named and reached again by the database probe. What runs on the
 * application's thread here only records and hands off: no lock, no parse, no log on its path.
 */
package io.queryadvisor.capture;
