package dev.keysmith.engine.trace;

/** Receives an {@link ExecutionTrace} after each request; called on the request's thread, so keep it quick. */
@FunctionalInterface
public interface TraceListener {
    void onTrace(ExecutionTrace trace);
}
