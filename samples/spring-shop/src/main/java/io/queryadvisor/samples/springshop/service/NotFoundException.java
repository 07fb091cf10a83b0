package io.queryadvisor.samples.springshop.service;

/** What a request asked for does not exist (the web layer answers 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
