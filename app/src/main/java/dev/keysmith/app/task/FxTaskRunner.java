package dev.keysmith.app.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs tasks on daemon background threads (a JavaFX {@link Task} each) and updates the observable state and calls the
 * callbacks on the FX thread. {@code submit}, {@code cancelRunning} and {@code close} must be called on the FX thread.
 */
public final class FxTaskRunner extends AbstractTaskRunner {
    private final ExecutorService executor = Executors.newCachedThreadPool(new DaemonThreads());

    public FxTaskRunner(ErrorReporter errorReporter) {
        super(errorReporter);
    }

    @Override
    public <T> TaskHandle submit(
            String title,
            BackgroundWork<T> work,
            Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        requireFxThread();
        WorkTask<T> task = new WorkTask<>(work);
        ActiveTasks.Entry entry = active.start(title, task::cancel);
        entry.progress.bind(task.progressProperty());
        entry.message.bind(task.messageProperty());
        task.setOnSucceeded(event -> {
            active.finish(entry);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(event -> {
            active.finish(entry);
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(event -> active.finish(entry));
        executor.execute(task);
        return new FxHandle(task);
    }

    @Override
    public void cancelRunning() {
        requireFxThread();
        active.cancelNewest();
    }

    @Override
    public void close() {
        requireFxThread();
        active.cancelAll();
        executor.shutdownNow();
    }

    private static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("FxTaskRunner must be used on the JavaFX application thread");
        }
    }

    /** A JavaFX task that hands the work its own progress and cancellation, which JavaFX makes thread-safe. */
    private static final class WorkTask<T> extends Task<T> implements TaskContext {
        private final BackgroundWork<T> work;

        WorkTask(BackgroundWork<T> work) {
            this.work = work;
        }

        @Override
        protected T call() throws Exception {
            return work.run(this);
        }

        @Override
        public void updateProgress(long done, long total) {
            super.updateProgress(ActiveTasks.fraction(done, total), 1.0);
        }

        @Override
        public void updateMessage(String message) {
            super.updateMessage(message);
        }
    }

    private record FxHandle(Task<?> task) implements TaskHandle {
        @Override
        public void cancel() {
            task.cancel();
        }

        @Override
        public boolean isCancelled() {
            return task.isCancelled();
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "keysmith-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
