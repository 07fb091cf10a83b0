package org.springframework.samples.petclinic.owner;

import java.util.function.Supplier;

/**
 * An application class in a framework vendor's namespace, as the framework's own sample
 * applications are: it is the application's code all the same (it comes from a classes directory).
 */
public class OwnerRepository {

    /** Runs {@code statement} as if this repository issued it. */
    public <T> T findOwners(Supplier<T> statement) {
        return statement.get();
    }
}
