package dev.keysmith.modeler.edit;

/** Hears every change of an {@link EditHistory}, on the thread that made it. */
@FunctionalInterface
public interface EditListener<T> {

    void changed(EditEvent<T> event);
}
