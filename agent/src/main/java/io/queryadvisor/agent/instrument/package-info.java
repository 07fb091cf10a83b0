/**
 * Byte Buddy instrumentation: advice on DataSource.getConnection and Driver.connect that hands
 * each connection to the capture layer, counting every statement once; thin advice, plain Java
 * behind it.
 */
package io.queryadvisor.agent.instrument;
