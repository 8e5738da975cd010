package dev.keysmith.app.task;

/** Shows a failure to the user. The workbench shows a dialog; tests record the failures instead. */
@FunctionalInterface
public interface ErrorReporter {
    /**
     * Reports {@code error}.
     *
     * @param what a short description of what failed, for example "Loading project orders.keysmith"
     */
    void report(String what, Throwable error);
}
