/**
 * Byte Buddy instrumentation: advice on DataSource.getConnection and Driver.connect that hands
 * each connection to the capture layer, counting every statement once; thin advice, plain Java
 * behind it. At premain only a transformer of plain JDK code is registered
 * ({@link io.queryadvisor.agent.instrument.DeferredTransformer}): it turns away nearly every class
 * at once and waits, for the few that may need it, for Byte Buddy's transformer, built meanwhile on
 * a thread of its own.
 */
package io.queryadvisor.agent.instrument;
