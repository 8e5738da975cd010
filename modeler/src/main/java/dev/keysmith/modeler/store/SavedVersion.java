package dev.keysmith.modeler.store;

import java.time.Instant;

/**
 * One saved version in a project's history.
 *
 * @param id increasing version number (1 for the version written when the project was created)
 * @param savedAt when it was saved (millisecond precision)
 * @param message what the user typed when saving, or what the store wrote ("Restored version 3: …")
 * @param summary the codec's one-line description of the document
 * @param size the encoded document's length in bytes (before compression)
 * @param contentHash SHA-256 of the encoded document, lower-case hex
 */
public record SavedVersion(long id, Instant savedAt, String message, String summary, long size, String contentHash) {}
