/**
 * The literal-parameters rule: many distinct SQL texts of one shape because values are written into
 * the SQL instead of bound, with what that costs (plan caches, parsing) and risks (SQL injection).
 */
package io.queryadvisor.advisor.rules.literalparameters;
