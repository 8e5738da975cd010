package dev.keysmith.app.task;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Runs blocking work off the FX thread and reports the running task as observable state for the status bar. Callbacks
 * and state changes happen on the runner's UI thread (the FX thread for {@link FxTaskRunner}, the caller's thread for
 * {@link DirectTaskRunner}). When several tasks run at once, the state describes the most recently started one.
 */
public interface TaskRunner extends AutoCloseable {
    /**
     * Runs {@code work} and hands its result to {@code onSuccess}, or its exception to {@code onFailure}. A cancelled
     * task calls neither.
     *
     * @param title shown in the status bar while the task runs
     */
    <T> TaskHandle submit(
            String title, BackgroundWork<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Like {@link #submit(String, BackgroundWork, Consumer, Consumer)}, showing failures through the error reporter. */
    <T> TaskHandle submit(String title, BackgroundWork<T> work, Consumer<? super T> onSuccess);

    /** True while at least one task runs. */
    ReadOnlyBooleanProperty runningProperty();

    /** The title of the running task, empty when none runs. */
    ReadOnlyStringProperty titleProperty();

    /** The last message of the running task, empty when none. */
    ReadOnlyStringProperty messageProperty();

    /** The running task's progress from 0 to 1, or -1 when unknown (as {@code ProgressIndicator} expects). */
    ReadOnlyDoubleProperty progressProperty();

    /** Cancels the task the state describes; does nothing when none runs. */
    void cancelRunning();

    /** Stops accepting work and cancels what is still running. */
    @Override
    void close();
}
