package dev.keysmith.modeler.edit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Undo and redo over an immutable document: each edit is a function from the current document to the next, and the
 * history keeps the documents before and after it. Bounded: beyond {@code maxDepth} edits the oldest are forgotten.
 *
 * <p>Rapid edits of the same kind (typing in one field) can be merged into one undo step: pass the same merge key to
 * {@link #apply(String, String, UnaryOperator)} within the merge window. Undo, redo, a save or an edit of another kind
 * ends the merging.
 *
 * <p>Not thread-safe: use it from one thread (the UI thread); listeners are called on that thread.
 *
 * @param <T> the immutable document type; {@code equals} must compare content (records do)
 */
public final class EditHistory<T> {

    public static final int DEFAULT_MAX_DEPTH = 500;
    public static final Duration DEFAULT_MERGE_WINDOW = Duration.ofSeconds(1);

    private record Step<T>(String label, @Nullable String mergeKey, T before, T after, Instant at) {}

    private final int maxDepth;
    private final Duration mergeWindow;
    private final InstantSource clock;
    private final Deque<Step<T>> undoStack = new ArrayDeque<>();
    private final Deque<Step<T>> redoStack = new ArrayDeque<>();
    private final List<EditListener<T>> listeners = new CopyOnWriteArrayList<>();

    private T current;
    private T saved;
    private boolean mergeOpen;

    /** A history of {@value #DEFAULT_MAX_DEPTH} steps starting at a saved document. */
    public EditHistory(T initial) {
        this(initial, DEFAULT_MAX_DEPTH, DEFAULT_MERGE_WINDOW, InstantSource.system());
    }

    public EditHistory(T initial, int maxDepth, Duration mergeWindow, InstantSource clock) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, was " + maxDepth);
        }
        this.current = Objects.requireNonNull(initial, "initial");
        this.saved = initial;
        this.maxDepth = maxDepth;
        this.mergeWindow = Objects.requireNonNull(mergeWindow, "mergeWindow");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public T current() {
        return current;
    }

    /**
     * Applies an edit as one undo step named {@code label} (shown as "Undo " + label). An edit that returns an equal
     * document changes nothing and records nothing. Returns whether the document changed. Clears the redo steps.
     */
    public boolean apply(String label, UnaryOperator<T> edit) {
        return apply(label, null, edit);
    }

    /**
     * Like {@link #apply(String, UnaryOperator)}, but merged into the previous step when that step has the same
     * {@code mergeKey} and was made less than the merge window ago, so that undo takes back the whole burst.
     */
    public boolean apply(String label, @Nullable String mergeKey, UnaryOperator<T> edit) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(edit, "edit");
        T before = current;
        T after = edit.apply(before);
        if (after == null) {
            throw new IllegalArgumentException("The edit '" + label + "' returned no document");
        }
        if (after.equals(before)) {
            return false;
        }
        Instant now = clock.instant();
        Step<T> previous = undoStack.peekFirst();
        if (mergeKey != null && previous != null && mergesWith(previous, mergeKey, now)) {
            undoStack.removeFirst();
            if (!after.equals(previous.before())) {
                undoStack.addFirst(new Step<>(label, mergeKey, previous.before(), after, now));
            }
        } else {
            undoStack.addFirst(new Step<>(label, mergeKey, before, after, now));
            if (undoStack.size() > maxDepth) {
                undoStack.removeLast();
            }
        }
        redoStack.clear();
        mergeOpen = mergeKey != null;
        current = after;
        fire(new EditEvent.Applied<>(label, after));
        return true;
    }

    private boolean mergesWith(Step<T> previous, String mergeKey, Instant now) {
        return mergeOpen
                && mergeKey.equals(previous.mergeKey())
                && Duration.between(previous.at(), now).compareTo(mergeWindow) < 0;
    }

    public boolean canUndo() {
        return !undoStack.isEmpty();
    }

    public boolean canRedo() {
        return !redoStack.isEmpty();
    }

    /** Takes back the newest edit; returns false when there is none. */
    public boolean undo() {
        Step<T> step = undoStack.pollFirst();
        if (step == null) {
            return false;
        }
        redoStack.addFirst(step);
        mergeOpen = false;
        current = step.before();
        fire(new EditEvent.Undone<>(step.label(), current));
        return true;
    }

    /** Applies again the newest undone edit; returns false when there is none. */
    public boolean redo() {
        Step<T> step = redoStack.pollFirst();
        if (step == null) {
            return false;
        }
        undoStack.addFirst(step);
        mergeOpen = false;
        current = step.after();
        fire(new EditEvent.Redone<>(step.label(), current));
        return true;
    }

    /** The label of the edit {@link #undo()} would take back. */
    public Optional<String> undoLabel() {
        return Optional.ofNullable(undoStack.peekFirst()).map(Step::label);
    }

    /** The label of the edit {@link #redo()} would apply. */
    public Optional<String> redoLabel() {
        return Optional.ofNullable(redoStack.peekFirst()).map(Step::label);
    }

    /** The menu item's text: "Undo Add GSI", or "Undo" when there is nothing to undo. */
    public String undoMenuText() {
        return undoLabel().map(label -> "Undo " + label).orElse("Undo");
    }

    /** The menu item's text: "Redo Add GSI", or "Redo" when there is nothing to redo. */
    public String redoMenuText() {
        return redoLabel().map(label -> "Redo " + label).orElse("Redo");
    }

    /** The number of steps {@link #undo()} can take back (at most the maximum depth). */
    public int undoDepth() {
        return undoStack.size();
    }

    /** Records that the current document was saved. */
    public void markSaved() {
        markSaved(current);
    }

    /** Records that {@code document} was saved (e.g. by a background save that began before the latest edits). */
    public void markSaved(T document) {
        saved = Objects.requireNonNull(document, "document");
        mergeOpen = false;
        fire(new EditEvent.Saved<>(current));
    }

    /** Whether the current document differs from the last saved one. */
    public boolean isDirty() {
        return !current.equals(saved);
    }

    /** Forgets every step and starts again at a saved document (a project opened, a version restored). */
    public void reset(T document) {
        current = Objects.requireNonNull(document, "document");
        saved = document;
        undoStack.clear();
        redoStack.clear();
        mergeOpen = false;
        fire(new EditEvent.Reset<>(document));
    }

    public void addListener(EditListener<T> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(EditListener<T> listener) {
        listeners.remove(listener);
    }

    private void fire(EditEvent<T> event) {
        for (EditListener<T> listener : listeners) {
            listener.changed(event);
        }
    }
}
