/**
 * The write-then-update rule: a row inserted, then updated at once to set one key column, the
 * extra round trip per row of a unidirectional JPA {@code @OneToMany} with {@code @JoinColumn}.
 */
package io.queryadvisor.advisor.rules.writethenupdate;
