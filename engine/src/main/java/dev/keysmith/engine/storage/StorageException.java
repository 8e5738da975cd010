package dev.keysmith.engine.storage;

/** The storage layer failed (I/O error, corrupt or locked database); wraps the Xodus exception. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
