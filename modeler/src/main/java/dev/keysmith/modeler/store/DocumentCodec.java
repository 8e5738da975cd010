package dev.keysmith.modeler.store;

import java.io.IOException;

/**
 * Turns a project document into bytes and back. The store keeps the bytes (compressed, with a content hash) and
 * knows nothing else about the document.
 *
 * @param <T> the immutable document type
 */
public interface DocumentCodec<T> {

    /** The document as bytes. Equal documents must give equal bytes: the store dedupes saves by content hash. */
    byte[] encode(T document);

    /** Reads bytes written by {@link #encode}; throws with a readable message when they are not a document. */
    T decode(byte[] bytes) throws IOException;

    /** A one-line summary for the history list, e.g. "3 tables, 12 entity types". */
    String describe(T document);
}
