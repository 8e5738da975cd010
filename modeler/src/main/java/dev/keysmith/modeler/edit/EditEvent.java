package dev.keysmith.modeler.edit;

/**
 * What changed in an {@link EditHistory}; every event carries the document that is now current.
 *
 * @param <T> the document type
 */
public sealed interface EditEvent<T> {

    T document();

    /** An edit was applied (or merged into the previous edit of the same kind). */
    record Applied<T>(String label, T document) implements EditEvent<T> {}

    record Undone<T>(String label, T document) implements EditEvent<T> {}

    record Redone<T>(String label, T document) implements EditEvent<T> {}

    /** The history was cleared and restarted at a document (a project opened, a version restored). */
    record Reset<T>(T document) implements EditEvent<T> {}

    /** The current document was saved; {@link EditHistory#isDirty()} may have changed. */
    record Saved<T>(T document) implements EditEvent<T> {}
}
