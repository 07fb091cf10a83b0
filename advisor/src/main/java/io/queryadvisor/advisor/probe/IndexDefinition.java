package io.queryadvisor.advisor.probe;

import java.util.List;

/**
 * An index that exists.
 *
 * @param name       its name
 * @param columns    its key columns in order (an expression's text for an expression column)
 * @param unique     whether it is unique
 * @param primary    whether it is the primary key
 * @param definition the statement that would create it ({@code pg_get_indexdef}): method, partial
 *                   predicate and included columns
 */
public record IndexDefinition(String name, List<String> columns, boolean unique, boolean primary, String definition) {

    public IndexDefinition {
        columns = List.copyOf(columns);
    }
}
