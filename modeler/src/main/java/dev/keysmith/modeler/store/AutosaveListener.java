package dev.keysmith.modeler.store;

import java.time.Instant;

/** Hears what an {@link Autosaver} did, on its background thread (a UI hands the call over to its own thread). */
public interface AutosaveListener {

    /** The edited document was written to the autosave slot. */
    default void autosaved(Instant at) {}

    /** An autosave could not be written; the next edit tries again. */
    default void failed(RuntimeException error) {}
}
