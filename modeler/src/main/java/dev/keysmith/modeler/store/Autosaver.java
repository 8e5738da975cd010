package dev.keysmith.modeler.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Debounced autosave of the document being edited, into the project's autosave slot (not a history version). Call
 * {@link #submit} after every edit; the latest document is written on a background thread once edits have paused for
 * the delay, or at the latest four delays after the first unwritten edit while editing goes on. A project opened after
 * a crash offers the slot's content as {@link ProjectStore#recoveredChanges()}.
 */
public final class Autosaver<T> implements AutoCloseable {

    private static final int MAX_DELAYS = 4;

    private final ProjectStore<T> store;
    private final long delayNanos;
    private final AutosaveListener listener;
    private final ScheduledExecutorService executor;
    private final Object lock = new Object();

    private @Nullable T pending;
    private @Nullable ScheduledFuture<?> scheduled;
    private long firstPendingNanos;
    private boolean closed;

    Autosaver(ProjectStore<T> store, Duration delay, AutosaveListener listener) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("autosave delay must not be negative: " + delay);
        }
        this.store = store;
        this.delayNanos = delay.toNanos();
        this.listener = listener;
        this.executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("keysmith-autosave").factory());
    }

    /** Notes the document as edited; it is written after the delay unless another edit comes first. */
    public void submit(T document) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException(
                        "the autosaver of " + store.file().getFileName() + " is closed");
            }
            long now = System.nanoTime();
            if (scheduled == null) {
                firstPendingNanos = now;
            } else {
                scheduled.cancel(false);
            }
            pending = document;
            long due = Math.min(now + delayNanos, firstPendingNanos + MAX_DELAYS * delayNanos);
            scheduled = executor.schedule(this::writePending, Math.max(0, due - now), TimeUnit.NANOSECONDS);
        }
    }

    /** Writes the pending document now, if any, and waits for it. */
    public void flush() {
        synchronized (lock) {
            if (scheduled != null) {
                scheduled.cancel(false);
                scheduled = null;
            }
        }
        if (executor.isShutdown()) {
            return;
        }
        try {
            executor.submit(this::writePending).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("autosave failed unexpectedly", e.getCause());
        }
    }

    private void writePending() {
        T document;
        synchronized (lock) {
            document = pending;
            pending = null;
            scheduled = null;
        }
        if (document == null) {
            return;
        }
        try {
            Optional<Instant> written = store.autosave(document);
            written.ifPresent(listener::autosaved);
        } catch (RuntimeException e) {
            listener.failed(e);
        }
    }

    /** Writes the pending document and stops the background thread. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        flush();
        executor.shutdown();
        store.forget(this);
    }
}
