package dev.keysmith.engine.op;

import dev.keysmith.engine.change.ChangeListener;
import dev.keysmith.engine.change.ItemChange;
import dev.keysmith.engine.trace.ExecutionTrace;
import dev.keysmith.engine.trace.TraceListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The engine's listeners: execution traces and committed item changes. Listener failures never fail a request. */
public final class EngineHooks {
    private final List<TraceListener> traceListeners = new CopyOnWriteArrayList<>();
    private final List<ChangeListener> changeListeners = new CopyOnWriteArrayList<>();

    /** Adds a trace listener; closing the returned handle removes it. */
    public AutoCloseable addTraceListener(TraceListener listener) {
        traceListeners.add(listener);
        return () -> traceListeners.remove(listener);
    }

    /** Adds a change listener; closing the returned handle removes it. */
    public AutoCloseable addChangeListener(ChangeListener listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    /** True if anyone listens for traces, so requests can skip building them otherwise. */
    boolean tracing() {
        return !traceListeners.isEmpty();
    }

    void trace(ExecutionTrace trace) {
        for (TraceListener l : traceListeners) {
            try {
                l.onTrace(trace);
            } catch (RuntimeException e) {
                System.getLogger(EngineHooks.class.getName())
                        .log(System.Logger.Level.WARNING, "trace listener failed", e);
            }
        }
    }

    boolean listeningForChanges() {
        return !changeListeners.isEmpty();
    }

    void changed(List<ItemChange> changes) {
        for (ItemChange change : changes) {
            for (ChangeListener l : changeListeners) {
                try {
                    l.onChange(change);
                } catch (RuntimeException e) {
                    System.getLogger(EngineHooks.class.getName())
                            .log(System.Logger.Level.WARNING, "change listener failed", e);
                }
            }
        }
    }
}
