package io.queryadvisor.agent.cli;

/** The command line asks for something the command cannot do; the message says what, in one line. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
