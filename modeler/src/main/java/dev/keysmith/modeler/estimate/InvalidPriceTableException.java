package dev.keysmith.modeler.estimate;

/** A price table file that cannot be read: malformed JSON, a missing or negative price. */
public final class InvalidPriceTableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidPriceTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
