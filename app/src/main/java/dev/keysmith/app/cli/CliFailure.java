package dev.keysmith.app.cli;

/** A command cannot do what it was asked; the message is printed as one line and the exit status is 1. */
final class CliFailure extends Exception {
    CliFailure(String message) {
        super(message, null, false, false);
    }
}
