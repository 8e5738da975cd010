package dev.keysmith.app.task;

/**
 * A piece of blocking work run off the FX thread by a {@link TaskRunner}. It may report progress through the context
 * and should stop early when {@link TaskContext#isCancelled()} turns true.
 *
 * @param <T> the result handed to the success callback
 */
@FunctionalInterface
public interface BackgroundWork<T> {
    T run(TaskContext context) throws Exception;
}
