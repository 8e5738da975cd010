package dev.keysmith.app.task;

/** What running {@link BackgroundWork} sees of its task: progress reporting and cancellation. Thread-safe. */
public interface TaskContext {
    /** Reports that {@code done} of {@code total} units are finished; a negative {@code total} means unknown. */
    void updateProgress(long done, long total);

    /** Reports what the work is doing now, for example "Reading table Orders". */
    void updateMessage(String message);

    /** True once the user (or the caller) cancelled the task; the work should then return soon. */
    boolean isCancelled();
}
