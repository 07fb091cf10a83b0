/** Test-only fault injection into Query Advisor's own steps; inert (and folded away) in production. */
package io.queryadvisor.advisor.faults;
