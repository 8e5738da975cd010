package dev.keysmith.engine.change;

/** Receives committed item changes, in commit order per table; called on the writer's thread, so keep it quick. */
@FunctionalInterface
public interface ChangeListener {
    void onChange(ItemChange change);
}
