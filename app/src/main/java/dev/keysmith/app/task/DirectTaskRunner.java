package dev.keysmith.app.task;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs each task to completion on the calling thread, before {@code submit} returns, and calls the callbacks on that
 * same thread. For tests and for view models tested without a JavaFX toolkit.
 */
public final class DirectTaskRunner extends AbstractTaskRunner {
    public DirectTaskRunner(ErrorReporter errorReporter) {
        super(errorReporter);
    }

    @Override
    public <T> TaskHandle submit(
            String title,
            BackgroundWork<T> work,
            Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        DirectContext context = new DirectContext(active.start(title, () -> cancelled.set(true)), cancelled);
        T result;
        try {
            result = work.run(context);
        } catch (Exception e) {
            complete(context, () -> onFailure.accept(e));
            return context;
        }
        complete(context, () -> onSuccess.accept(result));
        return context;
    }

    private void complete(DirectContext context, Runnable callback) {
        active.finish(context.entry());
        if (!context.isCancelled()) {
            callback.run();
        }
    }

    @Override
    public void cancelRunning() {
        active.cancelNewest();
    }

    @Override
    public void close() {
        active.cancelAll();
    }

    private record DirectContext(ActiveTasks.Entry entry, AtomicBoolean cancelled) implements TaskContext, TaskHandle {
        @Override
        public void updateProgress(long done, long total) {
            entry.progress.set(ActiveTasks.fraction(done, total));
        }

        @Override
        public void updateMessage(String message) {
            entry.message.set(message);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }
    }
}
