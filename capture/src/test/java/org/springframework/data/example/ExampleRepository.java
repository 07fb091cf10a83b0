package org.springframework.data.example;

import java.util.function.Supplier;

/** A class in one of the framework data-access packages the call-site filter keeps out by name. */
public class ExampleRepository {

    /** Runs {@code statement} as if this framework class issued it. */
    public <T> T run(Supplier<T> statement) {
        return statement.get();
    }
}
