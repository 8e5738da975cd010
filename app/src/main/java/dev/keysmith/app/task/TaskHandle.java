package dev.keysmith.app.task;

/** A submitted task, as seen by the code that submitted it. */
public interface TaskHandle {
    /** Asks the task to stop; neither its success nor its failure callback runs afterwards. */
    void cancel();

    boolean isCancelled();
}
