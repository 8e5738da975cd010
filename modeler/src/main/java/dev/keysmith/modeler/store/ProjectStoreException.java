package dev.keysmith.modeler.store;

/** A failure while working with an open project (a save that could not be written, a damaged version). */
public final class ProjectStoreException extends RuntimeException {

    ProjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    ProjectStoreException(String message) {
        super(message);
    }
}
