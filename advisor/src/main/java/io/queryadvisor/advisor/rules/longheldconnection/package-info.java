/** The {@code long-held-connection} rule: connections held while no statement ran for most of that time. */
package io.queryadvisor.advisor.rules.longheldconnection;
