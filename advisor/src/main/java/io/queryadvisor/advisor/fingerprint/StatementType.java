package io.queryadvisor.advisor.fingerprint;

/** What a statement does, read from its text. */
public enum StatementType {
    SELECT, INSERT, UPDATE, DELETE, MERGE, DDL, CALL, TRANSACTION, SET, OTHER
}
