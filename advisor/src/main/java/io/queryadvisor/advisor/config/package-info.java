/**
 * Typed settings read once, validated at start, with errors that name the property, the value
 * and where it came from; keys nothing asked for are reported as probable typos.
 */
package io.queryadvisor.advisor.config;
