package io.queryadvisor.samples.springshop.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** Checks of request parameters and bodies; a failed one answers 400 and names the field. */
final class Requests {

    private Requests() {
    }

    static <T> List<T> nonEmpty(String field, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + " must not be empty");
        }
        return values;
    }

    static int atLeastZero(String field, int value) {
        if (value < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + " must be 0 or more, not " + value);
        }
        return value;
    }
}
