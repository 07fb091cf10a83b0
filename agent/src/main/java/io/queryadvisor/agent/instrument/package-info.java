/**
 * Byte Buddy instrumentation: advice on DataSource.getConnection and Driver.connect that hands
 * each connection to the capture layer, counting every statement once, and on the servlets'
 * service method; thin advice, plain Java behind it. At premain only a transformer of plain JDK
 * code is registered ({@link io.queryadvisor.agent.instrument.DeferredTransformer}): it turns away
 * nearly every class at once ({@link io.queryadvisor.agent.instrument.ClassFileFilter}) and waits,
 * for the few that may need it, for the {@link io.queryadvisor.agent.instrument.AdviceTransformer},
 * built meanwhile on a thread of its own with Byte Buddy's type pool and advice (not its
 * AgentBuilder).
 */
package io.queryadvisor.agent.instrument;
