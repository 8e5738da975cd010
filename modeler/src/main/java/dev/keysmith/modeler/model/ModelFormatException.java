package dev.keysmith.modeler.model;

/** Project JSON that cannot be read; the message names the problem and where it is. */
public final class ModelFormatException extends IllegalArgumentException {

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelFormatException(String message) {
        super(message);
    }
}
